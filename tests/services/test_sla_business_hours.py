"""Business-time arithmetic: weekends, holidays, split days, time zones and DST changes."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from wagtail_helpdesk.services import business_hours as bh
from wagtail_helpdesk.services.sla_config import CalendarData

WARSAW, KYIV, VILNIUS = "Europe/Warsaw", "Europe/Kyiv", "Europe/Vilnius"


def calendar(zone: str, days=range(5), hours=((8 * 60, 16 * 60),), holidays=()) -> CalendarData:
    return CalendarData(
        time_zone=zone,
        hours=tuple(tuple(hours) if d in days else () for d in range(7)),
        holidays=frozenset(holidays),
    )


def local(zone: str, *args) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone))


def test_minutes_within_one_working_day_are_plain_minutes():
    cal = calendar(WARSAW)
    assert bh.add_minutes(cal, local(WARSAW, 2026, 6, 3, 9, 0), 90) == local(WARSAW, 2026, 6, 3, 10, 30)


def test_time_left_on_friday_continues_on_monday_morning():
    cal = calendar(WARSAW)
    # Friday 15:00 + 2 h: one hour on Friday, one on Monday.
    assert bh.add_minutes(cal, local(WARSAW, 2026, 6, 5, 15, 0), 120) == local(WARSAW, 2026, 6, 8, 9, 0)


def test_a_start_at_the_weekend_counts_from_monday_opening():
    cal = calendar(WARSAW)
    assert bh.add_minutes(cal, local(WARSAW, 2026, 6, 6, 11, 0), 30) == local(WARSAW, 2026, 6, 8, 8, 30)


def test_a_start_before_opening_counts_from_opening():
    cal = calendar(WARSAW)
    assert bh.add_minutes(cal, local(WARSAW, 2026, 6, 3, 5, 0), 60) == local(WARSAW, 2026, 6, 3, 9, 0)


def test_a_holiday_is_skipped():
    # Vilnius, Monday 16 February 2026: Day of Restoration of the State of Lithuania.
    cal = calendar(VILNIUS, holidays=[date(2026, 2, 16)])
    assert bh.add_minutes(cal, local(VILNIUS, 2026, 2, 13, 15, 0), 120) == local(VILNIUS, 2026, 2, 17, 9, 0)


def test_several_intervals_a_day_skip_the_lunch_break():
    cal = calendar(KYIV, hours=((8 * 60, 12 * 60), (13 * 60, 17 * 60)))
    assert bh.add_minutes(cal, local(KYIV, 2026, 6, 3, 11, 30), 60) == local(KYIV, 2026, 6, 3, 13, 30)
    assert bh.minutes_between(cal, local(KYIV, 2026, 6, 3, 11, 0), local(KYIV, 2026, 6, 3, 14, 0)) == 120


def test_the_calendar_counts_in_its_own_time_zone_whatever_zone_the_start_is_in():
    warsaw, kyiv = calendar(WARSAW), calendar(KYIV)
    start = datetime(2026, 6, 3, 13, 30, tzinfo=UTC)  # 15:30 in Warsaw, 16:30 in Kyiv
    assert bh.add_minutes(warsaw, start, 60) == local(WARSAW, 2026, 6, 4, 8, 30)
    assert bh.add_minutes(kyiv, start, 60) == local(KYIV, 2026, 6, 4, 9, 0)


@pytest.mark.parametrize("zone", [WARSAW, KYIV, VILNIUS])
def test_working_hours_keep_their_wall_clock_across_spring_forward(zone):
    # Summer time starts on Sunday 29 March 2026: Friday 15:00 + 2 h is Monday 10:00 local,
    # which is one hour earlier in UTC than before the change.
    cal = calendar(zone)
    due = bh.add_minutes(cal, local(zone, 2026, 3, 27, 15, 0), 120)
    assert due == local(zone, 2026, 3, 30, 9, 0)
    assert due.astimezone(UTC).hour == 9 - local(zone, 2026, 3, 30, 9).utcoffset().seconds // 3600


@pytest.mark.parametrize("zone", [WARSAW, KYIV, VILNIUS])
def test_a_round_the_clock_sunday_has_23_hours_in_spring_and_25_in_autumn(zone):
    cal = calendar(zone, days={6}, hours=((0, 1440),))
    spring = bh.between(cal, local(zone, 2026, 3, 28, 12), local(zone, 2026, 3, 30, 12))
    autumn = bh.between(cal, local(zone, 2026, 10, 24, 12), local(zone, 2026, 10, 26, 12))
    real_spring = local(zone, 2026, 3, 30).astimezone(UTC) - local(zone, 2026, 3, 29).astimezone(UTC)
    real_autumn = local(zone, 2026, 10, 26).astimezone(UTC) - local(zone, 2026, 10, 25).astimezone(UTC)
    assert spring == real_spring
    assert autumn == real_autumn
    if zone != KYIV:  # the EU rule; Kyiv's follows whatever tzdata says for Ukraine
        assert (spring, autumn) == (timedelta(hours=23), timedelta(hours=25))


def test_an_interval_through_the_fall_back_hour_counts_real_minutes():
    # 01:00-04:00 on 25 October 2026 in Warsaw: 02:00-03:00 happens twice, so 4 real hours.
    cal = calendar(WARSAW, days={6}, hours=((60, 240),))
    sunday = local(WARSAW, 2026, 10, 25, 0)
    assert bh.between(cal, sunday, sunday + timedelta(days=1)) == timedelta(hours=4)
    assert bh.add(cal, sunday, timedelta(hours=4)) == local(WARSAW, 2026, 10, 25, 4, 0)


def test_subtract_walks_back_over_weekend_and_holiday():
    cal = calendar(WARSAW, holidays=[date(2026, 11, 11)])  # Independence Day, a Wednesday
    # Thursday 12 Nov 9:00 minus 2 h: one hour Thursday, Wednesday is a holiday, one hour Tuesday.
    assert bh.subtract(cal, local(WARSAW, 2026, 11, 12, 9, 0), timedelta(hours=2)) == local(WARSAW, 2026, 11, 10, 15, 0)


def test_between_is_zero_outside_hours_and_for_reversed_ranges():
    cal = calendar(WARSAW)
    assert bh.minutes_between(cal, local(WARSAW, 2026, 6, 6, 8), local(WARSAW, 2026, 6, 7, 20)) == 0
    assert bh.minutes_between(cal, local(WARSAW, 2026, 6, 3, 12), local(WARSAW, 2026, 6, 3, 10)) == 0


def test_no_calendar_means_plain_elapsed_time():
    start = datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert bh.add_minutes(None, start, 600) == start + timedelta(hours=10)
    assert bh.minutes_between(None, start, start + timedelta(days=2)) == 2880


def test_a_calendar_without_any_working_day_is_reported_not_looped_forever():
    cal = CalendarData(time_zone=WARSAW, hours=((), (), (), (), (), (), ()), holidays=frozenset())
    assert cal.always_open  # no hours at all: counted 24/7
    closed = calendar(WARSAW, holidays=[date(2026, 1, 1) + timedelta(days=i) for i in range(4 * 366)])
    with pytest.raises(bh.NoBusinessHours):
        bh.add_minutes(closed, local(WARSAW, 2026, 1, 1, 9), 60)


@pytest.mark.parametrize("zone", [WARSAW, KYIV, VILNIUS])
def test_add_subtract_and_between_agree_on_random_moments_through_a_year(zone):
    cal = calendar(zone, hours=((8 * 60, 12 * 60), (12 * 60 + 30, 16 * 60 + 30)), holidays=[date(2026, 5, 1)])
    rng = random.Random(zone)
    for _ in range(200):
        start = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(365 * 24 * 60))
        amount = timedelta(minutes=rng.randrange(1, 5000))
        end = bh.add(cal, start, amount)
        assert bh.between(cal, start, end) == amount
        assert bh.subtract(cal, end, amount) >= start
        assert bh.between(cal, bh.subtract(cal, end, amount), end) == amount
