"""Baza wiedzy Hearth & Kettle po polsku.

Plain data for the demo loader; see the package docstring for the shape.
Article keys, categories, block order and facts (prices, periods) match ``en.py``;
the wording is adapted to Polish consumer law terms (odstąpienie od umowy,
reklamacja, rękojmia / niezgodność towaru z umową, gwarancja).
"""

from __future__ import annotations

CATEGORIES = [
    {
        "key": "shipping",
        "title": "Wysyłka i dostawa",
        "intro": "Dokąd wysyłamy, ile to kosztuje, jak długo trwa i co zrobić, gdy paczka dotrze uszkodzona.",
    },
    {
        "key": "orders",
        "title": "Zamówienia i śledzenie przesyłki",
        "intro": "Śledzenie paczki, zmiana lub anulowanie zamówienia i braki w dostawie.",
    },
    {
        "key": "returns",
        "title": "Zwroty i zwrot pieniędzy",
        "intro": "Masz 14 dni na odstąpienie od umowy. Tu dowiesz się, jak odesłać towar i kiedy wrócą pieniądze.",
    },
    {
        "key": "warranty",
        "title": "Reklamacje i gwarancja",
        "intro": "Coś się zepsuło albo nie działa tak, jak powinno? Jak pomagają rękojmia, nasza gwarancja "
        "i dział serwisu.",
    },
    {
        "key": "payments",
        "title": "Płatności i faktury",
        "intro": "Metody płatności, nieudana płatność, faktury VAT, raty i zwroty na kartę.",
    },
    {
        "key": "account",
        "title": "Twoje konto",
        "intro": "Zakładanie konta, logowanie, Twoje dane osobowe i newsletter.",
    },
    {
        "key": "care",
        "title": "Pielęgnacja produktów",
        "intro": "Jak dbać o patelnie, czajniki i noże, żeby służyły przez lata.",
    },
]

ARTICLES: list[dict] = []
SEARCH_CASES: list[tuple[str, str]] = []

# --- Wysyłka i dostawa -----------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "shipping-costs",
        "category": "shipping",
        "title": "Koszty wysyłki i darmowa dostawa",
        "summary": "Ile kosztuje dostawa do poszczególnych krajów i od jakiej kwoty zamówienia jest bezpłatna.",
        "tags": ["wysyłka", "dostawa", "koszt", "darmowa dostawa", "cena"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["delivery-times", "countries-we-ship-to", "parcel-lockers"],
        "body": [
            (
                "paragraph",
                "<p>Koszt wysyłki obliczamy w koszyku na podstawie adresu dostawy i wartości towarów (po "
                "uwzględnieniu kodu rabatowego). Cena widoczna w koszyku jest ostateczna: nie doliczamy opłat "
                "za obsługę ani pakowanie.</p>",
            ),
            (
                "table",
                {
                    "header": ["Kraj dostawy", "Kurier (DPD)", "Paczkomat / punkt odbioru", "Darmowa dostawa od"],
                    "rows": [
                        ["Polska", "4,90 €", "3,90 € (Paczkomat InPost)", "99 €"],
                        [
                            "Strefa 1: Niemcy, Czechy, Słowacja, Austria, Litwa, Łotwa, Estonia",
                            "7,90 €",
                            "7,90 € (DPD Pickup)",
                            "149 €",
                        ],
                        ["Strefa 2: pozostałe kraje UE", "12,90 €", "12,90 € (DPD Pickup)", "199 €"],
                        ["Norwegia, Szwajcaria, Wielka Brytania", "19,90 €", "niedostępne", "brak darmowej dostawy"],
                    ],
                },
            ),
            ("heading", "Duże i ciężkie produkty"),
            (
                "paragraph",
                "<p>Ekspres <b>Barista Pro</b> i <b>robot planetarny 5 l</b> nie mieszczą się w paczkomatach, "
                "dlatego zawsze wysyłamy je kurierem DPD. Płacisz za nie zwykłą cenę przesyłki kurierskiej, "
                "bez dopłaty za gabaryt.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Brakuje Ci niewiele do darmowej dostawy? Drobiazg, taki jak <b>cyfrowa waga "
                    "kuchenna</b> (24,90 €), często kosztuje niewiele więcej niż sama przesyłka.</p>",
                },
            ),
            ("heading", "Zwroty a koszty wysyłki"),
            (
                "paragraph",
                "<p>Jeśli w ciągu 14 dni odstąpisz od umowy w całości, zwracamy także koszt najtańszej "
                "oferowanej przez nas dostawy. Opłacona etykieta zwrotna kosztuje 4,90 € i potrącamy ją ze "
                "zwracanej kwoty, chyba że towar jest wadliwy, uszkodzony albo niezgodny z zamówieniem. Kroki "
                "opisuje artykuł <i>Jak zwrócić towar</i>.</p>",
            ),
        ],
    },
    {
        "key": "delivery-times",
        "category": "shipping",
        "title": "Czas dostawy: kiedy dotrze moje zamówienie?",
        "summary": "Kiedy wysyłamy zamówienia i ile dni roboczych kurier potrzebuje do poszczególnych krajów.",
        "tags": ["dostawa", "czas dostawy", "wysyłka", "ile trwa", "kiedy przyjdzie"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["shipping-costs", "track-order", "courier-delivery"],
        "body": [
            (
                "paragraph",
                "<p>Zamówienia opłacone <b>do 13:00 w dzień roboczy</b> wyjeżdżają z naszego magazynu w "
                "Poznaniu tego samego dnia. Zamówienia opłacone później, w weekend lub w polskie święto, "
                "wysyłamy w następnym dniu roboczym. Przy zwykłym przelewie liczymy czas od zaksięgowania "
                "wpłaty na naszym koncie, co zwykle trwa jeden dzień roboczy.</p>",
            ),
            (
                "table",
                {
                    "header": ["Kraj dostawy", "Czas doręczenia od wysyłki"],
                    "rows": [
                        ["Polska", "1–2 dni robocze"],
                        ["Strefa 1: Niemcy, Czechy, Słowacja, Austria, Litwa, Łotwa, Estonia", "2–4 dni robocze"],
                        ["Strefa 2: pozostałe kraje UE", "3–6 dni roboczych"],
                        ["Norwegia, Szwajcaria, Wielka Brytania", "4–8 dni roboczych plus odprawa celna"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Gdy paczka opuści magazyn, dostaniesz e-mail z numerem przesyłki. W dniu doręczenia rano "
                "DPD wyśle Ci wiadomość z godzinnym przedziałem czasu dostawy.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>W listopadzie i grudniu oraz po dużych promocjach kurierzy mogą potrzebować "
                    "jednego lub dwóch dni więcej. Jeśli zależy Ci na konkretnym terminie, zamów co najmniej "
                    "tydzień wcześniej.</p>",
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "Zamówienie się spóźnia. Kiedy mam się z Wami skontaktować?",
                        "answer": "<p>Jeśli paczka nie dotarła dwa dni robocze po terminie podanym w tabeli "
                        "albo jej status nie zmienił się od trzech dni roboczych, napisz do nas i podaj numer "
                        "zamówienia (np. SO-10042). Poprosimy kuriera o odszukanie przesyłki.</p>",
                    },
                    {
                        "question": "Czy oferujecie dostawę ekspresową albo w weekend?",
                        "answer": "<p>Obecnie nie. Zamówienia w Polsce i tak zwykle docierają następnego dnia "
                        "roboczego.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "countries-we-ship-to",
        "category": "shipping",
        "title": "Do jakich krajów wysyłacie?",
        "summary": "Dostarczamy do wszystkich krajów UE, Norwegii, Szwajcarii i Wielkiej Brytanii. Poza UE "
        "obowiązują przepisy celne.",
        "tags": ["kraje", "wysyłka za granicę", "cło", "ue", "zagranica"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["shipping-costs", "delivery-times"],
        "body": [
            (
                "paragraph",
                "<p>Wysyłamy z magazynu w Poznaniu do wszystkich <b>27 krajów UE</b> oraz do <b>Norwegii, "
                "Szwajcarii i Wielkiej Brytanii</b>. Nie dostarczamy poza Europę, na adresy wojskowe i skrytki "
                "pocztowe ani na Wyspy Kanaryjskie, do Ceuty, Melilli, na Wyspy Alandzkie i inne terytoria "
                "UE leżące poza unijnym obszarem VAT.</p>",
            ),
            ("heading", "Zamówienia w obrębie UE"),
            (
                "paragraph",
                "<p>Ceny w sklepie zawierają VAT według stawki kraju dostawy i nie ma żadnych formalności "
                "celnych. Kwota zapłacona w koszyku jest ostateczna.</p>",
            ),
            ("heading", "Zamówienia do Norwegii, Szwajcarii i Wielkiej Brytanii"),
            (
                "paragraph",
                "<p>Towar opuszcza UE, więc przy zamówieniu odliczamy unijny VAT. Kraj odbiorcy pobiera własny "
                "VAT importowy, a przy niektórych towarach także cło. Kurier pobiera te należności przed "
                "doręczeniem, często z niewielką opłatą za odprawę. Nie możemy ich opłacić za Ciebie.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Jeśli odmówisz przyjęcia paczki z powodu opłat importowych, wróci ona do nas; "
                    "zwrócimy cenę towaru. Kosztu wysyłki (19,90 €) nie zwracamy: pokrywa on transport "
                    "zwrotny.</p>",
                },
            ),
            ("heading", "Zamówienie dla kogoś w innym kraju"),
            (
                "paragraph",
                "<p>Możesz zapłacić z dowolnego kraju i podać inny adres dostawy, na przykład wysłać czajnik "
                "rodzinie. Koszt wysyłki zależy od adresu dostawy, a faktura zawiera VAT kraju "
                "przeznaczenia.</p>",
            ),
        ],
    },
    {
        "key": "courier-delivery",
        "category": "shipping",
        "title": "Dostawa kurierem DPD: przedział godzin, nieudane doręczenie i przekierowanie",
        "summary": "Jak DPD zapowiada doręczenie, co się dzieje, gdy nie ma Cię w domu, i jak zmienić dzień "
        "lub miejsce dostawy.",
        "tags": ["kurier", "dpd", "nieudane doręczenie", "przekierowanie", "predict"],
        "applies_to": ["Dostawy kurierskie"],
        "related": ["parcel-lockers", "track-order", "change-delivery-address"],
        "body": [
            (
                "paragraph",
                "<p>Dostawy do domu realizuje <b>DPD</b>. W dniu doręczenia rano DPD wysyła e-mail i SMS "
                "(DPD Predict) z godzinnym przedziałem czasu, dlatego podaj w zamówieniu numer komórki. Link "
                "w tej wiadomości pozwala zmienić dostawę, zanim kurier wyruszy w trasę.</p>",
            ),
            ("heading", "Co możesz zmienić w wiadomości od DPD"),
            (
                "paragraph",
                "<ul><li>przesunąć doręczenie na inny dzień roboczy,</li><li>poprosić o zostawienie paczki u "
                "sąsiada lub w opisanym przez Ciebie bezpiecznym miejscu,</li><li>przekierować ją do punktu "
                "DPD Pickup w pobliżu.</li></ul>",
            ),
            ("heading", "Jeśli minąłeś się z kurierem"),
            (
                "steps",
                [
                    "Kurier zostawia awizo lub wysyła wiadomość i próbuje ponownie następnego dnia roboczego.",
                    "Po drugiej nieudanej próbie paczka trafia do najbliższego punktu DPD Pickup, a adres "
                    "punktu dostajesz e-mailem i SMS-em.",
                    "Paczka czeka tam 7 dni. Zabierz kod odbioru i dokument tożsamości.",
                    "Nieodebrane paczki wracają do nas i traktujemy je jak zwrot: oddajemy cenę towaru i koszt "
                    "dostawy, pomniejszone o 4,90 € za transport zwrotny.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Dostawa do pracy? W drugiej linii adresu wpisz nazwę firmy i piętro, a także "
                    "numer telefonu, pod którym ktoś odbierze w godzinach pracy.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Jeśli w statusie widnieje „doręczono”, a paczki nie masz, zapytaj sąsiadów, sprawdź "
                "wskazane bezpieczne miejsce i napisz do nas w ciągu 3 dni roboczych. Złożymy w DPD zlecenie "
                "poszukiwania przesyłki, co zwykle trwa 3 dni robocze.</p>",
            ),
        ],
    },
    {
        "key": "parcel-lockers",
        "category": "shipping",
        "title": "Dostawa do paczkomatu lub punktu odbioru",
        "summary": "Wybierz Paczkomat InPost w Polsce albo punkt DPD Pickup w innych krajach i odbierz paczkę, "
        "kiedy Ci wygodnie.",
        "tags": ["paczkomat", "inpost", "punkt odbioru", "dpd pickup", "odbiór"],
        "applies_to": ["Wszystkie zamówienia oprócz ekspresu Barista Pro i robota planetarnego 5 l"],
        "related": ["shipping-costs", "courier-delivery"],
        "body": [
            (
                "paragraph",
                "<p>W koszyku wybierz <b>Paczkomat / punkt odbioru</b> i wskaż miejsce na mapie. W Polsce "
                "dostarczamy do <b>Paczkomatów InPost</b> za 3,90 €, w pozostałych krajach UE do punktów i "
                "automatów <b>DPD Pickup</b> w cenie przesyłki kurierskiej. Progi darmowej dostawy są takie "
                "same jak przy kurierze.</p>",
            ),
            ("heading", "Jak odebrać paczkę"),
            (
                "steps",
                [
                    "Gdy paczka trafi do skrytki, dostaniesz SMS i e-mail z kodem odbioru (w InPost także "
                    "w aplikacji InPost Mobile).",
                    "Odbierz ją w ciągu 48 godzin (z punktów DPD Pickup: w ciągu 7 dni).",
                    "Wpisz numer telefonu i kod albo zeskanuj kod QR, a skrytka się otworzy.",
                    "Obejrzyj karton przed odejściem. Jeśli jest uszkodzony, zrób zdjęcie przy paczkomacie.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Ekspres <b>Barista Pro</b> i <b>robot planetarny 5 l</b> nie mieszczą się w "
                    "paczkomatach, dlatego zamówienia z nimi zawsze wysyłamy kurierem.</p>",
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "Nie zdążę w 48 godzin. Co teraz?",
                        "answer": "<p>W aplikacji InPost możesz raz przedłużyć czas odbioru. W przeciwnym razie "
                        "paczka trafi na kilka dni do pobliskiego oddziału, a potem wróci do nas.</p>",
                    },
                    {
                        "question": "Wybrany paczkomat jest pełny. Gdzie trafi moja paczka?",
                        "answer": "<p>InPost przekieruje ją do najbliższego paczkomatu z wolną skrytką i poda "
                        "jego adres w wiadomości z kodem odbioru.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "damaged-parcel",
        "category": "shipping",
        "title": "Paczka lub towar dotarły uszkodzone",
        "summary": "Co zrobić ze zgniecionym kartonem lub rozbitym produktem i jak naprawimy sytuację.",
        "tags": ["uszkodzenie", "uszkodzona paczka", "zgnieciony karton", "szkoda w transporcie", "wgniecenie"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["missing-items", "make-a-complaint", "how-to-return"],
        "body": [
            (
                "paragraph",
                "<p>Każde zamówienie pakujemy tak, by zniosło trudną podróż, ale czasem paczka spadnie z "
                "taśmy. Za uszkodzenia w transporcie odpowiadamy my, nie Ty, i nigdy za nie nie płacisz.</p>",
            ),
            ("heading", "Gdy kurier wręcza Ci paczkę"),
            (
                "paragraph",
                "<p>Obejrzyj karton przed pokwitowaniem odbioru. Jeśli jest rozdarty, mokry lub zgnieciony, "
                "poproś kuriera o spisanie protokołu szkody albo odmów przyjęcia paczki. Oba wyjścia są w "
                "porządku: odmówiona paczka wraca do nas, a my wysyłamy nową.</p>",
            ),
            ("heading", "Jeśli uszkodzenie zauważysz po rozpakowaniu"),
            (
                "steps",
                [
                    "Na razie zachowaj produkt, karton i wypełniacz.",
                    "Zrób zdjęcia uszkodzenia, kartonu z kilku stron i etykiety przewozowej.",
                    "W ciągu 7 dni napisz do nas przez formularz kontaktowy, podaj numer zamówienia "
                    "(np. SO-10042) i dołącz zdjęcia.",
                    "Napisz, czy wolisz wymianę na nowy egzemplarz, czy zwrot pieniędzy.",
                ],
            ),
            (
                "paragraph",
                "<p>Odpowiadamy w ciągu jednego dnia roboczego. Zwykle tego samego dnia wysyłamy nowy produkt, "
                "a uszkodzony możesz zatrzymać lub oddać do recyklingu. Czasem kurier chce go obejrzeć: wtedy "
                "DPD bezpłatnie odbierze go od Ciebie, a my uprzedzimy Cię o tym.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Karton już wyrzucony? Napisz do nas mimo to. Często wystarczą zdjęcia produktu.</p>",
                },
            ),
        ],
    },
]

SEARCH_CASES += [
    ("ile kosztuje wysyłka", "shipping-costs"),
    ("darmowa dostawa od ilu", "shipping-costs"),
    ("kiedy przyjdzie paczka", "delivery-times"),
    ("awizo dpd nie było mnie w domu", "courier-delivery"),
    ("odbiór w paczkomacie", "parcel-lockers"),
    ("zgnieciona paczka", "damaged-parcel"),
]

# --- Zamówienia i śledzenie przesyłki --------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "track-order",
        "category": "orders",
        "title": "Gdzie jest moja paczka? Śledzenie zamówienia",
        "summary": "Gdzie znaleźć numer przesyłki i co oznaczają poszczególne statusy zamówienia i przesyłki.",
        "tags": ["śledzenie", "gdzie jest paczka", "status", "przesyłka", "numer przesyłki"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["delivery-times", "courier-delivery", "order-confirmation"],
        "body": [
            (
                "paragraph",
                "<p>Gdy zamówienie opuści magazyn, wysyłamy <b>e-mail o wysyłce</b> z numerem przesyłki i "
                "linkiem do strony śledzenia przewoźnika. Numery DPD zaczynają się od <b>DPD</b>, numery "
                "InPost mają 24 cyfry. Jeśli masz konto, link znajdziesz też w zakładce <b>Moje konto → "
                "Zamówienia</b>.</p>",
            ),
            (
                "table",
                {
                    "header": ["Status zamówienia", "Co oznacza"],
                    "rows": [
                        ["Złożone", "Mamy Twoje zamówienie i czekamy na płatność."],
                        ["Opłacone", "Płatność dotarła; kompletujemy i pakujemy zamówienie."],
                        ["Wysłane", "Paczka opuściła magazyn; śledzenie jest aktywne."],
                        ["Doręczone", "Kurier potwierdził doręczenie."],
                        ["Zwrócone", "Zwrot dotarł do naszego magazynu, a pieniądze są w drodze."],
                        ["Anulowane", "Zamówienie zostało anulowane; ewentualna wpłata została zwrócona."],
                    ],
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "Strona śledzenia twierdzi, że numer jest nieznany.",
                        "answer": "<p>Etykietę drukujemy podczas pakowania, a system przewoźnika pokazuje "
                        "przesyłkę dopiero po pierwszym skanie w jego sortowni. Może to potrwać do wieczora "
                        "następnego dnia roboczego.</p>",
                    },
                    {
                        "question": "Status przesyłki nie zmienia się od kilku dni.",
                        "answer": "<p>Paczki nie są skanowane na każdym etapie, więc dzień lub dwa bez zmian to "
                        "nic niepokojącego. Jeśli nic się nie zmienia od trzech dni roboczych, napisz do nas i "
                        "podaj numer zamówienia (np. SO-10042), a poprosimy przewoźnika o odszukanie "
                        "paczki.</p>",
                    },
                    {
                        "question": "Zamawiałem bez zakładania konta. Czy mogę śledzić zamówienie?",
                        "answer": "<p>Tak. Link do śledzenia jest w e-mailu o wysyłce. Jeśli go nie widzisz, "
                        "sprawdź folder spam albo poproś nas o ponowne wysłanie.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "change-delivery-address",
        "category": "orders",
        "title": "Zmiana adresu dostawy zamówienia",
        "summary": "Adres zmienimy, dopóki paczka nie opuści magazynu; później przekierować ją może jeszcze "
        "przewoźnik.",
        "tags": ["adres", "zmiana adresu", "błędny adres", "przeprowadzka", "przekierowanie"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["courier-delivery", "cancel-order", "track-order"],
        "body": [
            (
                "paragraph",
                "<p>Pomyłka w kodzie pocztowym albo przeprowadzka? To, co możemy zrobić, zależy od statusu "
                "zamówienia, który widzisz w e-mailu z potwierdzeniem lub w zakładce <b>Moje konto → "
                "Zamówienia</b>.</p>",
            ),
            ("heading", "Status Złożone lub Opłacone: zmienimy adres za Ciebie"),
            (
                "steps",
                [
                    "Jak najszybciej napisz do nas przez formularz kontaktowy i podaj numer zamówienia.",
                    "Podaj pełny nowy adres: imię i nazwisko, ulicę i numer, mieszkanie, kod pocztowy, "
                    "miejscowość, kraj oraz telefon dla kuriera.",
                    "Zmianę potwierdzimy e-mailem. Jeśli nowy adres leży w innej strefie wysyłki, zwrócimy "
                    "różnicę albo wyślemy Ci link do dopłaty.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Zamówienia opłacone przed 13:00 w dzień roboczy często są spakowane w ciągu "
                    "godziny lub dwóch. Gdy zamówienie jest już wysłane, nie możemy zmienić etykiety.</p>",
                },
            ),
            ("heading", "Status Wysłane: zwróć się do przewoźnika"),
            (
                "paragraph",
                "<p>Paczkę DPD przekierujesz linkiem z wiadomości DPD Predict lub ze strony śledzenia: do "
                "punktu DPD Pickup albo na inny dzień. DPD może zmienić adres w obrębie tej samej "
                "miejscowości; do innej miejscowości pozwól paczce wrócić do nas, a po jej dotarciu wyślemy "
                "ją ponownie bezpłatnie. Paczki InPost w drodze nie da się przekierować do innego "
                "paczkomatu.</p>",
            ),
            (
                "paragraph",
                "<p>Przy kolejnych zamówieniach zapisz nowy adres w zakładce <b>Moje konto → Adresy</b>, a "
                "uzupełni się sam w koszyku.</p>",
            ),
        ],
    },
    {
        "key": "cancel-order",
        "category": "orders",
        "title": "Anulowanie zamówienia lub zmiana jego zawartości",
        "summary": "Anulujesz bezpłatnie, dopóki zamówienie nie zostanie wysłane; potem skorzystaj z prawa "
        "odstąpienia od umowy w ciągu 14 dni.",
        "tags": ["anulowanie", "anuluj zamówienie", "zmiana zamówienia", "podwójne zamówienie", "pomyłka"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["withdrawal-14-days", "change-delivery-address", "refund-timeline"],
        "body": [
            (
                "paragraph",
                "<p>Zmiana planów albo ten sam czajnik zamówiony dwa razy przez pomyłkę? Dopóki zamówienie ma "
                "status <b>Złożone</b> lub <b>Opłacone</b>, możesz je bezpłatnie anulować.</p>",
            ),
            (
                "steps",
                [
                    "Wejdź w Moje konto → Zamówienia i kliknij Anuluj zamówienie. Bez konta: napisz do nas "
                    "i podaj numer zamówienia.",
                    "Jeśli chcesz anulować tylko jeden produkt, napisz który; usuniemy go i zwrócimy jego cenę.",
                    "Dostaniesz e-mail z potwierdzeniem anulowania, a pieniądze zwrócimy w ciągu 3 dni "
                    "roboczych tą samą metodą płatności.",
                ],
            ),
            ("heading", "Jeśli zamówienie zostało już wysłane"),
            (
                "paragraph",
                "<p>Nie zatrzymamy paczki w drodze. Możesz odmówić jej przyjęcia albo ją odebrać i odesłać: "
                "jedno i drugie to odstąpienie od umowy w ciągu 14 dni. Zwracamy cenę towaru i koszt "
                "standardowej dostawy, pomniejszone o 4,90 € za transport zwrotny, jak przy każdym zwrocie z "
                "naszą etykietą.</p>",
            ),
            ("heading", "Dodanie produktu do zamówienia"),
            (
                "paragraph",
                "<p>Złożonego zamówienia nie da się edytować, bo płatność została zrealizowana na dokładną "
                "kwotę. Po prostu złóż drugie zamówienie; jeśli oba opłacisz przed 13:00 tego samego dnia "
                "roboczego na ten sam adres, spakujemy je razem i zwrócimy drugi koszt wysyłki.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Nieopłacone zamówienia (np. po przerwanej płatności kartą) anulujemy "
                    "automatycznie po 48 godzinach, a zamówienia na przelew tradycyjny po 7 dniach bez "
                    "wpłaty.</p>",
                },
            ),
        ],
    },
    {
        "key": "missing-items",
        "category": "orders",
        "title": "W paczce czegoś brakuje",
        "summary": "Niektóre zamówienia przychodzą w kilku paczkach. Jak to sprawdzić i jak doślemy to, czego "
        "naprawdę brakuje.",
        "tags": ["brak", "brakujący produkt", "niekompletne zamówienie", "zły produkt", "druga paczka"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["track-order", "damaged-parcel"],
        "body": [
            (
                "paragraph",
                "<p>Zanim do nas napiszesz, sprawdź dwie rzeczy, które często rozwiązują zagadkę:</p>",
            ),
            (
                "paragraph",
                "<ul><li><b>Czy jest druga paczka?</b> Duże zamówienia i gabarytowe urządzenia jadą "
                "osobno. E-mail o wysyłce zawiera osobny numer dla każdej paczki, a na dokumencie dostawy "
                "zaznaczamy produkty wysyłane oddzielnie.</li><li><b>Czy coś nie schowało się w "
                "opakowaniu?</b> Drobne części, np. ubijak do ekspresu Barista Pro albo pokrywka blendera, "
                "bywają zapakowane w głównym kartonie lub pod wypraską.</li></ul>",
            ),
            ("heading", "Zgłoś brak"),
            (
                "steps",
                [
                    "Napisz do nas w ciągu 7 dni od doręczenia i podaj numer zamówienia.",
                    "Wymień brakujące produkty i dołącz zdjęcie dokumentu dostawy oraz otwartej paczki.",
                    "Jeśli możesz, dodaj zdjęcie etykiety przewozowej: widać na niej wagę nadanej paczki.",
                ],
            ),
            (
                "paragraph",
                "<p>Porównamy wagę zarejestrowaną przy nadaniu z wagą tego, co powinno było być w środku. Zwykle "
                "brakujący produkt wysyłamy bezpłatnie następnego dnia roboczego.</p>",
            ),
            ("heading", "Dostałeś inny produkt, niż zamówiłeś"),
            (
                "paragraph",
                "<p>Przepraszamy. Wyślij nam zdjęcie tego, co przyszło. Od razu wyślemy właściwy produkt i "
                "bezpłatną etykietę zwrotną na błędny; nie musisz czekać, aż do nas dotrze.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Jeśli karton był otwierany lub ponownie zaklejony, przy odbiorze zaznacz to na "
                    "urządzeniu kuriera: pomoże nam to dochodzić szkody od przewoźnika.</p>",
                },
            ),
        ],
    },
    {
        "key": "order-confirmation",
        "category": "orders",
        "title": "Nie dostałem e-maila z potwierdzeniem zamówienia",
        "summary": "Dlaczego potwierdzenia może brakować, jak sprawdzić, czy zamówienie zostało złożone, i jak "
        "otrzymać e-mail ponownie.",
        "tags": ["potwierdzenie", "e-mail", "brak maila", "numer zamówienia", "spam"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["track-order", "failed-payment", "create-account"],
        "body": [
            (
                "paragraph",
                "<p>Potwierdzenie wysyłamy kilka minut po złożeniu zamówienia. Zawiera numer zamówienia "
                "(np. <b>SO-10042</b>), produkty, adres dostawy i kwotę. Zachowaj je: numer zamówienia to "
                "najszybszy sposób, żebyśmy je odnaleźli.</p>",
            ),
            ("heading", "Jeśli e-mail nie dotarł"),
            (
                "steps",
                [
                    "Odczekaj dziesięć minut i sprawdź foldery spam, śmieci i oferty.",
                    "Wyszukaj w skrzynce hasło hearth-kettle.example.",
                    "Sprawdź, czy płatność się powiodła: niepotwierdzona płatność kartą lub BLIK-iem "
                    "zostawia zamówienie nieopłacone.",
                    "Jeśli masz konto, zajrzyj do zakładki Moje konto → Zamówienia. Zamówienie, które tam "
                    "widzisz, istnieje, nawet bez e-maila.",
                ],
            ),
            (
                "qa",
                [
                    {
                        "question": "Chyba pomyliłem się przy wpisywaniu adresu e-mail.",
                        "answer": "<p>Napisz do nas z poprawnego adresu i podaj imię i nazwisko, datę oraz "
                        "kwotę zamówienia. Poprawimy adres, żeby dotarły do Ciebie także e-mail o wysyłce i "
                        "faktura.</p>",
                    },
                    {
                        "question": "Pieniądze zniknęły z konta, a zamówienia nie ma.",
                        "answer": "<p>Czasem bank pobiera pieniądze, ale sklep nie dostaje na czas "
                        "potwierdzenia. Zamówienie pojawi się w ciągu godziny albo bank sam zwolni blokadę, "
                        "zwykle w ciągu 7 dni. W razie wątpliwości napisz do nas i podaj datę i kwotę; prosimy, "
                        "nie płać drugi raz.</p>",
                    },
                ],
            ),
            (
                "paragraph",
                "<p>Żeby nasze wiadomości nie trafiały do spamu, dodaj adres <a "
                'href="mailto:support@hearth-kettle.example">support@hearth-kettle.example</a> do '
                "kontaktów.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("gdzie jest moja paczka", "track-order"),
    ("zmiana adresu dostawy", "change-delivery-address"),
    ("jak anulować zamówienie", "cancel-order"),
    ("brakuje produktu w paczce", "missing-items"),
]

# --- Zwroty i zwrot pieniędzy ----------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "withdrawal-14-days",
        "category": "returns",
        "title": "Zwrot w ciągu 14 dni (odstąpienie od umowy)",
        "summary": "Od umowy zawartej przez internet możesz odstąpić w ciągu 14 dni bez podania przyczyny. Co to "
        "oznacza w praktyce.",
        "tags": ["zwrot", "14 dni", "odstąpienie od umowy", "rezygnacja", "zasady zwrotów"],
        "applies_to": ["Wszystkie zamówienia", "Wszystkie produkty oprócz wymienionych w artykule o wyjątkach"],
        "related": ["how-to-return", "refund-timeline", "non-returnable-items"],
        "body": [
            (
                "paragraph",
                "<p>Jako konsument możesz <b>odstąpić od umowy</b> zawartej na odległość w ciągu <b>14 "
                "dni</b>, bez podawania przyczyny. To samo prawo przysługuje przedsiębiorcy prowadzącemu "
                "jednoosobową działalność, jeśli zakup nie ma dla niego charakteru zawodowego; pozostałym "
                "firmom stosujemy te same zasady dobrowolnie.</p>",
            ),
            (
                "table",
                {
                    "header": ["Krok", "Termin"],
                    "rows": [
                        ["Poinformuj nas o odstąpieniu od umowy", "14 dni od dnia otrzymania towaru"],
                        ["Odeślij towar", "14 dni od dnia, w którym nas poinformowałeś"],
                        ["Zwracamy pieniądze", "3 dni robocze od dotarcia zwrotu do magazynu"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Jeśli zamówienie przyszło w kilku paczkach, 14 dni liczymy od otrzymania ostatniej. "
                "Wystarczy, że wyślesz oświadczenie lub paczkę ostatniego dnia terminu. Oświadczenie złożysz "
                "przyciskiem <b>Zwróć produkty</b> w zakładce Moje konto → Zamówienia, e-mailem na adres "
                "returns@hearth-kettle.example albo wypełniając formularz odstąpienia od umowy dołączony do e-maila z "
                "potwierdzeniem zamówienia.</p>",
            ),
            ("heading", "Co otrzymasz z powrotem"),
            (
                "paragraph",
                "<ul><li>pełną cenę zwracanych produktów,</li><li>zapłacony koszt standardowej dostawy, jeśli "
                "zwracasz całe zamówienie,</li><li>minus 4,90 €, jeśli korzystasz z naszej opłaconej "
                "etykiety zwrotnej. Etykieta jest bezpłatna, gdy towar jest wadliwy, uszkodzony lub niezgodny "
                "z zamówieniem.</li></ul>",
            ),
            ("heading", "Sprawdzanie towaru"),
            (
                "paragraph",
                "<p>Możesz rozpakować produkt i obejrzeć go tak jak w sklepie stacjonarnym: sprawdzić, czy "
                "patelnia pasuje do płyty, wziąć nóż do ręki, włączyć czajnik. Jeśli produkt był używany "
                "ponad tę miarę, np. patelnia posłużyła do smażenia albo nóż został naostrzony, możemy "
                "potrącić ze zwrotu kwotę odpowiadającą zmniejszeniu jego wartości. Zawsze podamy ją przed "
                "zwrotem pieniędzy.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Wadliwy produkt to nie sprawa dla odstąpienia od umowy, tylko dla reklamacji: "
                    "obejmuje go dwuletnia odpowiedzialność sprzedawcy, bez 14-dniowego terminu. Zobacz "
                    "<i>Rękojmia a gwarancja producenta</i>.</p>",
                },
            ),
        ],
    },
    {
        "key": "how-to-return",
        "category": "returns",
        "title": "Jak zwrócić towar",
        "summary": "Zgłoś zwrot online, odbierz e-mailem opłaconą etykietę i nadaj paczkę w punkcie DPD Pickup "
        "lub w Paczkomacie InPost.",
        "tags": ["zwrot", "etykieta zwrotna", "odesłanie", "jak zwrócić", "paczka"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["withdrawal-14-days", "refund-timeline", "exchange-item"],
        "body": [
            (
                "steps",
                [
                    "Wejdź w Moje konto → Zamówienia i kliknij Zwróć produkty przy zamówieniu. Bez konta: "
                    "napisz na returns@hearth-kettle.example, podaj numer zamówienia i zwracane produkty.",
                    "W ciągu jednego dnia roboczego wyślemy Ci e-mailem opłaconą etykietę zwrotną: etykietę "
                    "DPD do wydruku albo, w Polsce, kod nadania InPost, który nie wymaga drukarki.",
                    "Zapakuj produkty starannie. Oryginalne pudełko jest mile widziane, ale niekonieczne; "
                    "wystarczy solidny karton z wypełniaczem. Dołącz kartkę z numerem zamówienia.",
                    "Naklej etykietę i nadaj paczkę w dowolnym punkcie DPD Pickup lub Paczkomacie InPost w "
                    "ciągu 14 dni. Zachowaj potwierdzenie nadania do czasu zwrotu pieniędzy.",
                ],
            ),
            (
                "paragraph",
                "<p>Etykieta kosztuje <b>4,90 €</b> i potrącamy ją ze zwracanej kwoty. Jest bezpłatna, gdy "
                "produkt jest wadliwy, dotarł uszkodzony albo nie jest tym, co zamówiłeś.</p>",
            ),
            ("heading", "Wysyłka na własną rękę"),
            (
                "paragraph",
                "<p>Możesz też odesłać towar dowolnym przewoźnikiem na własny koszt. Prosimy o przesyłkę z "
                "numerem śledzenia, żebyś miał dowód nadania, na adres:</p>",
            ),
            (
                "code",
                {
                    "language": "text",
                    "code": "Hearth & Kettle – Zwroty\nul. Składowa 12\n61-897 Poznań\nPolska",
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Nie przyjmujemy paczek za pobraniem ani nieopłaconych. Kurier zwraca je nadawcy.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Zwracasz duże urządzenie, np. <b>ekspres Barista Pro</b>? Daj nam znać, a DPD odbierze "
                "je z Twojego domu; cena etykiety jest taka sama. Wcześniej opróżnij zbiornik na wodę i "
                "pojemnik na ziarna.</p>",
            ),
        ],
    },
    {
        "key": "refund-timeline",
        "category": "returns",
        "title": "Kiedy dostanę zwrot pieniędzy?",
        "summary": "Zwracamy pieniądze w ciągu 3 dni roboczych od dotarcia zwrotu; ile potem trwa to w banku lub "
        "u operatora płatności.",
        "tags": ["zwrot pieniędzy", "zwrot środków", "ile trwa", "status zwrotu", "zwrot"],
        "applies_to": ["Zwroty", "Anulowane zamówienia"],
        "related": ["how-to-return", "refund-to-card", "withdrawal-14-days"],
        "body": [
            (
                "paragraph",
                "<p>Gdy zwrot dotrze do magazynu, sprawdzamy go i zlecamy zwrot pieniędzy w ciągu <b>3 dni "
                "roboczych</b>. Od razu dostajesz e-mail, a status zamówienia zmienia się na "
                "<b>Zwrócone</b>. Przy anulowanym, niewysłanym zamówieniu zwracamy pieniądze w ciągu 3 dni "
                "roboczych od anulowania.</p>",
            ),
            (
                "paragraph",
                "<p>Pieniądze zawsze zwracamy tą samą metodą, którą zapłaciłeś. Czas, po jakim je zobaczysz, "
                "zależy od tej metody:</p>",
            ),
            (
                "table",
                {
                    "header": ["Metoda płatności", "Pieniądze widoczne po naszym zleceniu zwrotu"],
                    "rows": [
                        ["Karta, Apple Pay, Google Pay", "3–5 dni roboczych"],
                        ["PayPal", "w ciągu 1 dnia roboczego"],
                        ["BLIK, Przelewy24", "1–3 dni robocze"],
                        ["Przelew tradycyjny", "1–3 dni robocze, na rachunek, z którego przyszła wpłata"],
                        ["Klarna, PayPo", "operator koryguje Twój plan spłat w ciągu 1–2 dni"],
                    ],
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "Według śledzenia zwrot do Was dotarł, a pieniędzy nie ma.",
                        "answer": "<p>Zwroty sprawdzamy w kolejności dostarczenia, co trwa do 3 dni roboczych. "
                        "Jeśli po tym czasie nie masz e-maila o zwrocie pieniędzy, napisz do nas i podaj numer "
                        "zamówienia.</p>",
                    },
                    {
                        "question": "Dlaczego zwrot jest niższy niż kwota, którą zapłaciłem?",
                        "answer": "<p>Najczęściej z powodu etykiety zwrotnej (4,90 €) albo dlatego, że "
                        "zwróciłeś tylko część zamówienia; wtedy koszt dostawy nie podlega zwrotowi. E-mail o "
                        "zwrocie wymienia każdą pozycję.</p>",
                    },
                    {
                        "question": "Moja karta straciła ważność albo została wymieniona.",
                        "answer": "<p>Zwrot i tak trafi na rachunek powiązany z kartą. Jeśli bank go odrzuci, "
                        "skontaktujemy się z Tobą w sprawie zwrotu przelewem.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "exchange-item",
        "category": "returns",
        "title": "Wymiana na inny rozmiar, kolor lub model",
        "summary": "Wymianę realizujemy jako zwrot i nowe zamówienie, a nowy produkt możemy zarezerwować dla "
        "Ciebie na 7 dni.",
        "tags": ["wymiana", "zamiana", "inny rozmiar", "kolor", "wymienić"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["how-to-return", "withdrawal-14-days", "make-a-complaint"],
        "body": [
            (
                "paragraph",
                "<p>Większa patelnia sprawdziłaby się lepiej niż kupiona, a może wolisz czajnik w innym "
                "wykończeniu? Wymianę realizujemy jako <b>zwrot i nowe zamówienie</b>. Dzięki temu nowy "
                "produkt dostajesz jak najszybciej i płacisz dokładnie cenę nowego modelu.</p>",
            ),
            ("heading", "Najszybszy sposób"),
            (
                "steps",
                [
                    "Złóż jak zwykle nowe zamówienie na produkt, który chcesz.",
                    "W ciągu 14 dni od otrzymania zgłoś zwrot pierwotnego produktu (zobacz Jak zwrócić towar).",
                    "Gdy zwrot do nas dotrze, oddamy pieniądze w ciągu 3 dni roboczych.",
                ],
            ),
            (
                "paragraph",
                "<p>Jeśli nie chcesz na jakiś czas płacić dwa razy, napisz do nas: zarezerwujemy nowy produkt "
                "na <b>7 dni</b> i wyślemy go, gdy tylko kurier zeskanuje Twoją paczkę zwrotną.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "Czy wymiana jest bezpłatna?",
                        "answer": "<p>Etykieta zwrotna kosztuje 4,90 €, a nowe zamówienie ma zwykły koszt "
                        "wysyłki (w Polsce darmowa od 99 €). Jeśli wysłaliśmy zły produkt albo produkt jest "
                        "wadliwy, wymiana nic Cię nie kosztuje.</p>",
                    },
                    {
                        "question": "Otrzymany produkt jest wadliwy. Czy to wymiana?",
                        "answer": "<p>Nie: to reklamacja z tytułu niezgodności towaru z umową. Naprawimy lub "
                        "wymienimy produkt bezpłatnie, także po upływie 14 dni. Zobacz Jak złożyć "
                        "reklamację.</p>",
                    },
                    {
                        "question": "Czy mogę wymienić prezent?",
                        "answer": "<p>Tak, z numerem zamówienia lub paragonem prezentowym. Zwrot pieniędzy "
                        "trafia do osoby, która płaciła, dlatego przy prezentach wolimy wysłać nowy produkt po "
                        "dotarciu zwrotu.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "non-returnable-items",
        "category": "returns",
        "title": "Produkty, których nie można zwrócić, i zwrot produktów używanych",
        "summary": "Kilka produktów jest wyłączonych ze zwrotu w ciągu 14 dni, a za używane możemy zwrócić część ceny.",
        "tags": ["wyjątki", "grawer", "używany produkt", "otwarte opakowanie", "bez zwrotu"],
        "applies_to": ["Noże i deski z grawerem", "Kawa i herbata", "Karty podarunkowe"],
        "related": ["withdrawal-14-days", "how-to-return"],
        "body": [
            (
                "paragraph",
                "<p>Prawie wszystko, co sprzedajemy, możesz zwrócić w ciągu 14 dni. Ustawa o prawach "
                "konsumenta przewiduje kilka wyjątków, a my stosujemy tylko te:</p>",
            ),
            (
                "table",
                {
                    "header": ["Produkt", "Czy można go zwrócić?", "Dlaczego"],
                    "rows": [
                        ["Nóż szefa kuchni lub deska z grawerem", "Nie", "Wykonane na Twoje zamówienie"],
                        ["Kawa ziarnista i herbata, otwarte", "Nie", "Otwartej żywności nie można sprzedać"],
                        ["Kawa ziarnista i herbata, zamknięte", "Tak", "Zwykły zwrot w ciągu 14 dni"],
                        ["Karta podarunkowa", "Tak, jeśli niewykorzystana", "Wykorzystana karta to już płatność"],
                        ["Rozpakowane i sprawdzone urządzenie", "Tak", "Zwykły zwrot w ciągu 14 dni"],
                    ],
                },
            ),
            ("heading", "Produkty używane"),
            (
                "paragraph",
                "<p>Produkt możesz sprawdzić tak jak w sklepie. Jeśli był używany ponad tę miarę, możemy "
                "potrącić ze zwrotu kwotę odpowiadającą zmniejszeniu jego wartości. Typowe przykłady:</p>",
            ),
            (
                "paragraph",
                "<ul><li>patelnia nieprzywierająca lub żeliwna używana do smażenia: do 50% ceny,</li><li>"
                "czajnik lub ekspres z kamieniem w środku: koszt czyszczenia, 15 €,</li><li>nóż naostrzony "
                "lub ze śladami na ostrzu: do 50% ceny.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Zawsze najpierw wysyłamy zdjęcia i proponowaną kwotę. Jeśli się nie zgadzasz, "
                    "bezpłatnie odsyłamy Ci produkt.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Nie ogranicza to Twoich praw, gdy produkt jest wadliwy: wady obejmuje dwuletnia "
                "odpowiedzialność sprzedawcy, niezależnie od tego, jak intensywnie produkt był używany.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("zwrot w ciągu 14 dni", "withdrawal-14-days"),
    ("odstąpienie od umowy formularz", "withdrawal-14-days"),
    ("jak odesłać towar", "how-to-return"),
    ("kiedy zwrot pieniędzy", "refund-timeline"),
    ("wymiana na inny kolor", "exchange-item"),
]

# --- Reklamacje i gwarancja ------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "warranty-vs-statutory",
        "category": "warranty",
        "title": "Rękojmia a gwarancja producenta: czym się różnią?",
        "summary": "Za każdy produkt odpowiadamy przez dwa lata z mocy prawa; wiele ma też dłuższą gwarancję. Jak "
        "te dwie drogi się uzupełniają.",
        "tags": ["gwarancja", "rękojmia", "niezgodność z umową", "reklamacja", "prawa konsumenta"],
        "applies_to": ["Wszystkie produkty"],
        "related": ["warranty-periods", "make-a-complaint", "complaint-timelines"],
        "body": [
            (
                "paragraph",
                "<p>Gdy kupiony u nas produkt okaże się wadliwy, masz do wyboru dwie niezależne drogi. To Ty "
                "decydujesz, z której skorzystać, a skorzystanie z gwarancji nigdy nie odbiera Ci uprawnień "
                "ustawowych.</p>",
            ),
            (
                "table",
                {
                    "header": ["W skrócie", "Rękojmia (odpowiedzialność sprzedawcy)", "Gwarancja producenta"],
                    "rows": [
                        [
                            "Źródło",
                            "Ustawa; roszczenie kierujesz do nas, sprzedawcy",
                            "Producent, dobrowolnie",
                        ],
                        ["Jak długo", "2 lata od dostarczenia, każdy produkt", "Od 12 miesięcy do 10 lat"],
                        ["Co obejmuje", "Każdą niezgodność towaru z umową", "To, co zapisano w karcie gwarancyjnej"],
                        ["Gdzie się zgłaszasz", "Nasz dział serwisu", "Nasz dział serwisu, w imieniu producenta"],
                    ],
                },
            ),
            ("heading", "Rękojmia, czyli odpowiedzialność za niezgodność towaru z umową"),
            (
                "paragraph",
                "<p>Od 2023 roku przepisy mówią o <b>niezgodności towaru z umową</b>, choć potocznie nadal "
                "używa się słowa rękojmia. Produkt ma być zgodny z opisem, nadawać się do zwykłego użytku i "
                "być tak trwały, jak można rozsądnie oczekiwać. Jeśli nie jest, możesz żądać <b>naprawy lub "
                "wymiany</b>, bezpłatnie. Gdy to niemożliwe, trwa zbyt długo lub się nie udaje, możesz żądać "
                "<b>obniżenia ceny</b> albo <b>odstąpić od umowy</b> i odzyskać pieniądze. Jeśli wada ujawni "
                "się w ciągu dwóch lat od dostarczenia, domniemywa się, że istniała już wtedy: nie musisz "
                "tego udowadniać.</p>",
            ),
            ("heading", "Gwarancja producenta"),
            (
                "paragraph",
                "<p>Większość naszych produktów ma też gwarancję producenta, na <b>żeliwną patelnię 28 cm</b> "
                "aż 10 lat. Najbardziej przydaje się po upływie dwóch lat ustawowej odpowiedzialności. Nie "
                "musisz kontaktować się z producentem: nasz dział serwisu prowadzi obie drogi za Ciebie.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Nie wiesz, którą drogę wybrać? Po prostu opisz problem w reklamacji. Zawsze "
                    "zastosujemy tę, która jest dla Ciebie korzystniejsza.</p>",
                },
            ),
        ],
    },
    {
        "key": "warranty-periods",
        "category": "warranty",
        "title": "Okresy gwarancji na poszczególne produkty i czego gwarancja nie obejmuje",
        "summary": "Jak długo trwa gwarancja na każdy produkt i jakie rodzaje zużycia i uszkodzeń są wyłączone.",
        "tags": ["okres gwarancji", "ile gwarancji", "zakres gwarancji", "wyłączenia", "lata"],
        "applies_to": ["Wszystkie produkty"],
        "related": ["warranty-vs-statutory", "make-a-complaint", "non-stick-pan-care"],
        "body": [
            (
                "paragraph",
                "<p>Gwarancja producenta biegnie od dnia dostarczenia. Dowodem zakupu jest potwierdzenie "
                "zamówienia lub faktura; nie trzeba podbijać karty gwarancyjnej ani rejestrować produktu.</p>",
            ),
            (
                "table",
                {
                    "header": ["Produkt", "Gwarancja producenta"],
                    "rows": [
                        ["Żeliwna patelnia 28 cm", "10 lat"],
                        ["Nóż szefa kuchni 20 cm", "5 lat"],
                        ["Ekspres Barista Pro, robot planetarny 5 l", "3 lata"],
                        ["Miedziany czajnik 1,7 l, żarnowy młynek do kawy, blender PowerMix", "2 lata"],
                        ["Toster na cztery kromki, cyfrowa waga kuchenna, ceramiczny dzbanek 1 l", "2 lata"],
                        ["Bambusowa deska do krojenia, lniany fartuch", "1 rok"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Niezależnie od okresu gwarancji każdy produkt, także deska i fartuch, jest objęty dwuletnią "
                "ustawową odpowiedzialnością sprzedawcy.</p>",
            ),
            ("heading", "Czego gwarancja nie obejmuje"),
            (
                "paragraph",
                "<ul><li>normalnego zużycia: noża, który się stępił, powłoki nieprzywierającej startej po "
                "latach używania,</li><li>zarysowań patelni nieprzywierających metalowymi przyborami lub "
                "szorstkimi gąbkami,</li><li>uszkodzeń od kamienia w czajnikach i ekspresach, których nigdy "
                "nie odkamieniano,</li><li>noży, desek i żeliwa mytych w zmywarce,</li><li>upadków, pęknięć "
                "od szoku termicznego, napraw wykonanych przez osoby trzecie i profesjonalnego użytkowania "
                "urządzeń.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Rdza na żeliwnej patelni to nie wada: oznacza, że trzeba odnowić warstwę "
                    "ochronną. Nasz artykuł o pielęgnacji pokazuje, jak zrobić to w dwadzieścia minut.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Po upływie gwarancji nasz dział serwisu nadal naprawia urządzenia odpłatnie: najpierw "
                "przesyłamy wycenę, a diagnoza jest bezpłatna, jeśli ją zaakceptujesz.</p>",
            ),
        ],
    },
    {
        "key": "make-a-complaint",
        "category": "warranty",
        "title": "Jak złożyć reklamację wadliwego produktu",
        "summary": "Co przesłać, gdy produkt jest wadliwy, żeby dział serwisu mógł pomóc już w pierwszej odpowiedzi.",
        "tags": ["reklamacja", "wada", "zepsuty", "nie działa", "naprawa"],
        "applies_to": ["Wszystkie produkty"],
        "related": ["repair-shipping", "complaint-timelines", "warranty-vs-statutory"],
        "body": [
            (
                "paragraph",
                "<p>Czajnik się nie włącza, blender zgrzyta, rączka patelni się poluzowała? Napisz do naszego "
                'działu serwisu przez <a href="/contact-us/">formularz kontaktowy</a> albo na adres '
                "repair-desk@hearth-kettle.example. Kompletne pierwsze zgłoszenie oszczędza jedną rundę "
                "pytań.</p>",
            ),
            ("heading", "Co podać w reklamacji"),
            (
                "steps",
                [
                    "Numer zamówienia (np. SO-10042). Nie masz numeru? Wystarczą imię i nazwisko oraz data zakupu.",
                    "Produkt, a w przypadku urządzeń numer seryjny z tabliczki na spodzie (zaczyna się od SN-).",
                    "Co się dzieje, od kiedy i co już próbowałeś, np. odkamienianie.",
                    "Zdjęcia albo krótkie nagranie, jeśli problemem jest dźwięk, wyciek lub kontrolka błędu.",
                    "Czego oczekujesz: naprawy, wymiany, obniżenia ceny czy zwrotu pieniędzy.",
                ],
            ),
            (
                "paragraph",
                "<p>E-mailem otrzymasz numer zgłoszenia, np. <b>HD-000123</b>. Aby coś dodać, odpowiedz na ten "
                "e-mail; nie zakładaj nowej wiadomości, żeby wszystko było w jednym miejscu.</p>",
            ),
            ("heading", "Co dalej"),
            (
                "paragraph",
                "<p>Odpowiadamy w ciągu jednego dnia roboczego. Często problem da się rozwiązać od razu, "
                "częścią zamienną albo wymianą. Jeśli musimy obejrzeć produkt, zamawiamy bezpłatny odbiór "
                "kurierem DPD z Twojego domu i wysyłamy instrukcję pakowania.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "Czy potrzebuję oryginalnego pudełka albo paragonu?",
                        "answer": "<p>Nie. Numer zamówienia potwierdza zakup, a do wysyłki wystarczy każdy "
                        "solidny karton.</p>",
                    },
                    {
                        "question": "Czy mogę reklamować produkt kupiony na prezent?",
                        "answer": "<p>Tak. Reklamację może złożyć właściciel produktu, podając numer zamówienia.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "repair-shipping",
        "category": "warranty",
        "title": "Wysyłka produktu do serwisu",
        "summary": "Jak przygotować i zapakować urządzenie do bezpłatnego odbioru przez DPD, żeby dotarło "
        "bezpiecznie i szybciej wróciło naprawione.",
        "tags": ["serwis", "odbiór kurierem", "pakowanie", "naprawa", "wysyłka do serwisu"],
        "applies_to": ["Małe AGD", "Ekspres Barista Pro", "Robot planetarny 5 l"],
        "related": ["make-a-complaint", "complaint-timelines", "descale-espresso-machine"],
        "body": [
            (
                "paragraph",
                "<p>Gdy nasz serwis musi obejrzeć produkt, zamawiamy <b>bezpłatny odbiór kurierem DPD</b> i "
                "przesyłamy Ci termin e-mailem. Kurier przywozi etykietę, ale nie karton, więc przygotuj "
                "paczkę wcześniej.</p>",
            ),
            ("heading", "Zanim zapakujesz"),
            (
                "steps",
                [
                    "Odłącz urządzenie od prądu i poczekaj, aż całkowicie ostygnie.",
                    "Opróżnij zbiornik na wodę, tackę ociekową i pojemnik na ziarna; przez kilka sekund uruchom "
                    "pusty młynek.",
                    "Usuń resztki jedzenia i kawy. Higiena ma znaczenie: brudne urządzenie najpierw "
                    "czyścimy, co opóźnia naprawę.",
                    "Zdejmij sprawne akcesoria (dzbanek do mleka, ubijak, kielich blendera, misę robota) i "
                    "zostaw je w domu, chyba że są częścią problemu.",
                ],
            ),
            ("heading", "Pakowanie"),
            (
                "paragraph",
                "<p>Najlepsze jest oryginalne pudełko z wypraskami. W przeciwnym razie użyj mocnego kartonu i "
                "co najmniej 5 cm wypełnienia z każdej strony, np. folii bąbelkowej lub zgniecionego papieru. "
                "Włóż do środka kartkę z numerem zgłoszenia (np. HD-000123), imieniem, nazwiskiem i "
                "telefonem.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Nie wysyłaj z urządzeniem odkamieniacza, tabletek czyszczących, ziaren ani "
                    "kapsułek. Płyny mogą wyciec w transporcie i zniszczyć inne paczki.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Drobne produkty, jak nóż czy deska, nie wymagają odbioru kurierem: wyślemy Ci bezpłatną "
                "etykietę zwrotną. Owiń ostrze noża tekturą i oklej taśmą, żeby nie przecięło kartonu.</p>",
            ),
            (
                "paragraph",
                "<p>Gdy paczka do nas dotrze, dostaniesz e-mail, a przebieg naprawy możesz śledzić, "
                "odpowiadając na wiadomość z numerem zgłoszenia.</p>",
            ),
        ],
    },
    {
        "key": "complaint-timelines",
        "category": "warranty",
        "title": "Ile trwa rozpatrzenie reklamacji i naprawa?",
        "summary": "Kiedy odpowiadamy, ile trwa naprawa w naszym serwisie i u producenta oraz kiedy zamiast "
        "naprawy dostaniesz nowy produkt.",
        "tags": ["czas naprawy", "status reklamacji", "ile trwa", "oczekiwanie", "wymiana"],
        "applies_to": ["Wszystkie produkty"],
        "related": ["make-a-complaint", "repair-shipping", "warranty-vs-statutory"],
        "body": [
            (
                "paragraph",
                "<p>Wiemy, że zepsuty czajnik czy ekspres to codzienny kłopot, dlatego staramy się skracać "
                "każdy krok i informujemy Cię, na jakim etapie jest reklamacja.</p>",
            ),
            (
                "table",
                {
                    "header": ["Etap", "Zwykle", "Najpóźniej"],
                    "rows": [
                        ["Nasza pierwsza odpowiedź na reklamację", "1 dzień roboczy", "14 dni"],
                        ["Odbiór przez DPD", "1–2 dni robocze od zamówienia", "5 dni roboczych"],
                        ["Naprawa w naszym serwisie w Poznaniu", "10 dni roboczych", "30 dni"],
                        ["Naprawa w serwisie producenta", "10–21 dni", "30 dni"],
                        ["Dostawa do Ciebie", "1–4 dni robocze", "jak w artykule o czasie dostawy"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Zgodnie z prawem musimy odpowiedzieć na reklamację w ciągu <b>14 dni</b>; jeśli tego nie "
                "zrobimy, uważa się ją za uznaną. W praktyce odezwiemy się w ciągu jednego dnia "
                "roboczego.</p>",
            ),
            ("heading", "Wymiana zamiast naprawy"),
            (
                "paragraph",
                "<p>Jeśli naprawa trwałaby dłużej niż 30 dni, jest niemożliwa albo ta sama usterka powraca po "
                "naprawie, wyślemy Ci nowy produkt. Jeśli produktu nie ma już w ofercie, zwrócimy jego cenę "
                "albo wybierzesz podobny.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "Jak sprawdzić, na jakim etapie jest naprawa?",
                        "answer": "<p>Odpowiedz na dowolny e-mail w sprawie reklamacji (w temacie jest numer "
                        "zgłoszenia, np. HD-000123). Wysyłamy informację przy każdej zmianie statusu.</p>",
                    },
                    {
                        "question": "Czy dostanę urządzenie zastępcze na czas naprawy?",
                        "answer": "<p>W przypadku ekspresu Barista Pro tak: poproś nas, a pożyczymy Ci ekspres, "
                        "jeśli naprawa potrwa dłużej niż 10 dni roboczych.</p>",
                    },
                ],
            ),
        ],
    },
]

SEARCH_CASES += [
    ("rękojmia czy gwarancja", "warranty-vs-statutory"),
    ("jak złożyć reklamację", "make-a-complaint"),
    ("czajnik przestał działać", "make-a-complaint"),
    ("ile trwa reklamacja", "complaint-timelines"),
]

# --- Płatności i faktury ---------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "payment-methods",
        "category": "payments",
        "title": "Jakie metody płatności są dostępne?",
        "summary": "Karty, Apple Pay i Google Pay, PayPal, BLIK i szybkie przelewy, przelew tradycyjny oraz "
        "płatność odroczona.",
        "tags": ["płatność", "zapłata", "karta", "paypal", "blik"],
        "applies_to": ["Wszystkie zamówienia"],
        "related": ["failed-payment", "instalments", "invoices-vat"],
        "body": [
            (
                "paragraph",
                "<p>Wszystkie ceny podajemy w euro, brutto (z VAT). Metodę płatności wybierasz w ostatnim kroku "
                "zamówienia; dostępne metody zależą od kraju dostawy.</p>",
            ),
            (
                "table",
                {
                    "header": ["Metoda", "Dostępna w", "Kiedy wysyłamy"],
                    "rows": [
                        ["Visa, Mastercard, Maestro", "Wszystkie kraje", "Zaraz po płatności"],
                        ["Apple Pay, Google Pay", "Wszystkie kraje", "Zaraz po płatności"],
                        ["PayPal", "Wszystkie kraje", "Zaraz po płatności"],
                        ["BLIK, szybki przelew Przelewy24", "Polska", "Zaraz po płatności"],
                        [
                            "Przelew tradycyjny (przedpłata)",
                            "Wszystkie kraje",
                            "Po zaksięgowaniu, zwykle 1 dzień roboczy",
                        ],
                        ["Klarna: płatność za 30 dni lub w 3 ratach", "Kraje UE oprócz Polski", "Od razu"],
                        ["PayPo: płatność za 30 dni lub w 4 ratach", "Polska", "Od razu"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Nie oferujemy płatności za pobraniem. Płatności kartą chroni 3-D Secure: bank poprosi Cię o "
                "potwierdzenie w aplikacji lub kodem.</p>",
            ),
            ("heading", "Płatność przelewem tradycyjnym"),
            (
                "paragraph",
                "<p>Po złożeniu zamówienia dostaniesz nasz numer rachunku i tytuł przelewu, czyli numer "
                "zamówienia (np. SO-10042). Wpisz dokładnie ten tytuł, żebyśmy mogli przypisać wpłatę. "
                "Zamówienie czeka na wpłatę <b>7 dni</b>; potem anulujemy je automatycznie.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "Moja karta jest w złotówkach. Po jakim kursie zapłacę?",
                        "answer": "<p>Zawsze obciążamy kartę w euro. Bank przelicza kwotę po swoim kursie i "
                        "może doliczyć prowizję; w razie wątpliwości zapytaj w banku.</p>",
                    },
                    {
                        "question": "Czy mogę zapłacić kartą podarunkową?",
                        "answer": "<p>Tak. Wpisz kod karty w polu na kod rabatowy w koszyku. Jeśli zamówienie "
                        "kosztuje więcej, resztę zapłać dowolną inną metodą.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "failed-payment",
        "category": "payments",
        "title": "Płatność się nie powiodła lub została odrzucona",
        "summary": "Dlaczego płatność nie przechodzi, jak ponowić ją bez składania nowego zamówienia i co się "
        "dzieje z zablokowanymi środkami.",
        "tags": ["nieudana płatność", "odrzucona", "karta odrzucona", "błąd", "ponów płatność"],
        "applies_to": ["Płatności kartą, BLIK-iem i online"],
        "related": ["payment-methods", "order-confirmation", "refund-to-card"],
        "body": [
            (
                "paragraph",
                "<p>Jeśli płatność nie przeszła, zamówienie nie przepada: czeka ze statusem <b>Złożone</b> "
                "przez <b>48 godzin</b>. Możesz zapłacić ponownie linkiem <b>Zapłać teraz</b> z e-maila z "
                "potwierdzeniem albo w zakładce Moje konto → Zamówienia, tą samą lub inną metodą.</p>",
            ),
            ("heading", "Najczęstsze przyczyny"),
            (
                "paragraph",
                "<ul><li>potwierdzenie 3-D Secure w aplikacji bankowej nie zostało zatwierdzone na czas (masz "
                "około 5 minut),</li><li>płatności internetowe lub zagraniczne są wyłączone dla Twojej "
                "karty,</li><li>wyczerpany został dzienny limit karty,</li><li>literówka w numerze karty, dacie "
                "ważności lub kodzie CVC,</li><li>kod BLIK wygasł: jest ważny 2 minuty.</li></ul>",
            ),
            ("heading", "Co zrobić"),
            (
                "steps",
                [
                    "Otwórz link Zapłać teraz i spróbuj jeszcze raz, mając pod ręką aplikację bankową.",
                    "Jeśli karta znów zostanie odrzucona, sprawdź jej ustawienia i limity w aplikacji banku.",
                    "Wybierz inną metodę, np. PayPal lub BLIK.",
                    "Nadal nie działa? Napisz do działu płatności na payments@hearth-kettle.example, podaj "
                    "numer zamówienia i dokładną treść błędu. Nigdy nie wysyłaj nam numeru karty.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Czasem bank blokuje kwotę, mimo że płatność się nie udała. To nie obciążenie: "
                    "bank sam zdejmie blokadę, zwykle w ciągu 7 dni. Jeśli pieniądze naprawdę pobrano dwa "
                    "razy, zwrócimy drugą płatność; zobacz <i>Zwrot na kartę i podwójne obciążenie</i>.</p>",
                },
            ),
        ],
    },
    {
        "key": "invoices-vat",
        "category": "payments",
        "title": "Faktury, VAT i zakupy na firmę",
        "summary": "Gdzie znaleźć fakturę VAT, jak otrzymać fakturę na firmę i jak ją poprawić.",
        "tags": ["faktura", "vat", "nip", "firma", "faktura korygująca"],
        "applies_to": ["Wszystkie zamówienia", "Klienci firmowi"],
        "related": ["payment-methods", "countries-we-ship-to"],
        "body": [
            (
                "paragraph",
                "<p>Do każdego zamówienia wystawiamy <b>fakturę VAT</b> w PDF. Wysyłamy ją e-mailem w dniu "
                "wysyłki, a w każdej chwili pobierzesz ją w zakładce Moje konto → Zamówienia. Ceny zawierają "
                "VAT według stawki kraju dostawy, a faktura pokazuje go przy każdej pozycji.</p>",
            ),
            ("heading", "Faktura na firmę"),
            (
                "steps",
                [
                    "W koszyku zaznacz Chcę fakturę na firmę.",
                    "Podaj nazwę firmy, adres i numer NIP z prefiksem kraju (np. PL).",
                    "Numery firm z innych krajów UE od razu sprawdzamy w systemie VIES. Jeśli numer jest "
                    "aktywny, cena jest pomniejszona o VAT (odwrotne obciążenie), a faktura zawiera "
                    "odpowiednią adnotację.",
                ],
            ),
            (
                "code",
                {
                    "language": "text",
                    "code": "Polska      PL + 10 cyfr            PL1234563218\n"
                    "Niemcy      DE + 9 cyfr             DE123456789\n"
                    "Litwa       LT + 9 lub 12 cyfr      LT100012345611",
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Podaj NIP przy składaniu zamówienia. Gdy faktura została już wystawiona na "
                    "osobę prywatną, przepisy podatkowe nie pozwalają nam dopisać do niej później NIP "
                    "firmy.</p>",
                },
            ),
            ("heading", "Korekty"),
            (
                "paragraph",
                "<p>Literówka w nazwie firmy lub adresie? Napisz na payments@hearth-kettle.example, podaj "
                "numer zamówienia i poprawne dane. Fakturę korygującą wyślemy w ciągu 2 dni roboczych. Przy "
                "zwrocie towaru fakturę korygującą na zwracaną kwotę wystawiamy automatycznie.</p>",
            ),
        ],
    },
    {
        "key": "instalments",
        "category": "payments",
        "title": "Płatność odroczona i raty",
        "summary": "Rozłóż koszt z Klarną lub PayPo: jak to działa, kto podejmuje decyzję i co się dzieje przy "
        "zwrocie.",
        "tags": ["raty", "płatność odroczona", "klarna", "paypo", "kredyt"],
        "applies_to": ["Zamówienia od 35 €"],
        "related": ["payment-methods", "refund-timeline"],
        "body": [
            (
                "paragraph",
                "<p>Przy zamówieniach od <b>35 €</b> możesz zapłacić później lub w częściach. Usługę świadczą "
                "nasi partnerzy: <b>PayPo</b> w Polsce i <b>Klarna</b> w pozostałych krajach UE. My od razu "
                "otrzymujemy całą kwotę i wysyłamy zamówienie jak zwykle.</p>",
            ),
            (
                "table",
                {
                    "header": ["Opcja", "Operator", "Jak płacisz", "Odsetki"],
                    "rows": [
                        ["Płatność za 30 dni", "Klarna lub PayPo", "Całą kwotę w ciągu 30 dni", "Brak"],
                        ["3 raty", "Klarna", "Jedna teraz, kolejne co 30 dni", "Brak"],
                        ["4 raty", "PayPo", "Jedna teraz, kolejne co 30 dni", "Brak"],
                    ],
                },
            ),
            ("heading", "Jak to działa"),
            (
                "steps",
                [
                    "W koszyku wybierz Klarnę lub PayPo jako metodę płatności.",
                    "Operator poprosi o kilka danych i w ciągu kilku sekund podejmie decyzję. Nie widzimy "
                    "tych informacji i ich nie przechowujemy.",
                    "Harmonogram spłat dostaniesz e-mailem od operatora i opłacisz raty w jego aplikacji.",
                ],
            ),
            (
                "qa",
                [
                    {
                        "question": "Mój wniosek o raty został odrzucony. Dlaczego?",
                        "answer": "<p>Wie to tylko operator: decyzja należy do niego i nie możemy jej zmienić. "
                        "Nadal możesz zapłacić kartą, PayPalem lub przelewem.</p>",
                    },
                    {
                        "question": "Co się stanie, jeśli coś zwrócę?",
                        "answer": "<p>Zwracamy pieniądze operatorowi, który w ciągu 1–2 dni od naszego zwrotu "
                        "zmniejsza harmonogram lub oddaje to, co już zapłaciłeś. Do czasu aktualizacji planu "
                        "opłacaj raty w terminie.</p>",
                    },
                    {
                        "question": "Czy za spóźnioną spłatę jest opłata?",
                        "answer": "<p>Operator może naliczyć opłatę za przypomnienie; jego warunki zobaczysz "
                        "przed potwierdzeniem płatności.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "refund-to-card",
        "category": "payments",
        "title": "Zwrot na kartę i podwójne obciążenie",
        "summary": "Ile trwa zwrot na kartę, jak go rozpoznać na wyciągu i co zrobić, gdy pobrano pieniądze dwa razy.",
        "tags": ["zwrot", "karta", "podwójne obciążenie", "dwa razy pobrane", "wyciąg"],
        "applies_to": ["Płatności kartą, Apple Pay i Google Pay"],
        "related": ["refund-timeline", "failed-payment"],
        "body": [
            (
                "paragraph",
                "<p>Zwracamy pieniądze na kartę, którą zapłaciłeś; płatności kartą nie możemy zwrócić na inną "
                "kartę ani rachunek. Zwrot zlecamy w ciągu 3 dni roboczych od dotarcia paczki zwrotnej, a bank "
                "potrzebuje potem <b>3–5 dni roboczych</b>, by go zaksięgować. Zobaczysz go jako uznanie od "
                "<b>HEARTH KETTLE</b>, czasem z numerem zamówienia.</p>",
            ),
            ("heading", "Pieniądze pobrane dwa razy?"),
            (
                "paragraph",
                "<p>Większość podwójnych obciążeń to w ogóle nie obciążenia. Gdy pierwsza próba płatności się "
                "nie uda i spróbujesz ponownie, bank może pokazywać nieudaną próbę jako <b>blokadę</b> środków. "
                "Znika ona sama, zwykle w ciągu 7 dni.</p>",
            ),
            (
                "steps",
                [
                    "Sprawdź obie pozycje w aplikacji bankowej: blokada czy transakcja zaksięgowana?",
                    "Jeśli jedna to wciąż blokada, odczekaj 7 dni; zniknie.",
                    "Jeśli obie są zaksięgowane, napisz na payments@hearth-kettle.example, podaj numer "
                    "zamówienia, daty i kwoty albo dołącz zrzut ekranu z zakrytym numerem karty.",
                    "Sprawdzimy sprawę u operatora płatności i zwrócimy drugą płatność w dniu potwierdzenia.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Zanim zgłosisz w banku chargeback, porozmawiaj z nami. Chargeback trwa "
                    "tygodniami, a podwójną płatność zwykle wyjaśniamy w ciągu 2 dni roboczych.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Jeśli płaciłeś Apple Pay lub Google Pay, zwrot trafi na kartę podpiętą do portfela, a "
                "telefon pokaże go na liście transakcji.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("płatność blik", "payment-methods"),
    ("karta odrzucona", "failed-payment"),
    ("faktura na firmę nip", "invoices-vat"),
    ("zakupy na raty", "instalments"),
    ("pobrali dwa razy pieniądze", "refund-to-card"),
]

# --- Twoje konto -----------------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "create-account",
        "category": "account",
        "title": "Zakładanie konta (i zakupy bez konta)",
        "summary": "Możesz zamawiać bez rejestracji; konto daje historię zamówień, szybsze zwroty i zapisane adresy.",
        "tags": ["konto", "rejestracja", "załóż konto", "zakupy bez rejestracji", "logowanie"],
        "applies_to": ["Wszyscy klienci"],
        "related": ["password-reset", "delete-account", "newsletter"],
        "body": [
            (
                "paragraph",
                "<p>Do zakupów u nas konto nie jest potrzebne: w koszyku wybierz <b>Kontynuuj bez "
                "rejestracji</b>, a wszystkie potrzebne informacje dostaniesz e-mailem. Konto przydaje się, "
                "jeśli zamawiasz częściej:</p>",
            ),
            (
                "paragraph",
                "<ul><li>wszystkie zamówienia, faktury i linki do śledzenia w jednym miejscu,</li><li>zwroty i "
                "anulowanie jednym kliknięciem,</li><li>zapisane adresy dostawy i do faktury,</li><li>Twoje "
                "reklamacje i wiadomości do obsługi klienta wraz ze statusem.</li></ul>",
            ),
            ("heading", "Jak założyć konto"),
            (
                "steps",
                [
                    "Kliknij Zaloguj się u góry dowolnej strony, a potem Załóż konto.",
                    "Podaj imię i nazwisko, adres e-mail i hasło o długości co najmniej 10 znaków.",
                    "Otwórz e-mail z potwierdzeniem i kliknij link w ciągu 24 godzin.",
                    "Zaloguj się. Zamówienia złożone wcześniej bez konta na ten sam adres e-mail pojawią się "
                    "na koncie automatycznie.",
                ],
            ),
            (
                "qa",
                [
                    {
                        "question": "Link aktywacyjny wygasł.",
                        "answer": "<p>Spróbuj się zalogować: strona zaproponuje wysłanie nowego linku. Ze "
                        "względów bezpieczeństwa stary link przestaje działać po 24 godzinach.</p>",
                    },
                    {
                        "question": "Czy mogę później zmienić adres e-mail?",
                        "answer": "<p>Tak, w zakładce Moje konto → Dane osobowe. Na nowy adres wyślemy link "
                        "potwierdzający, a zmiana zacznie obowiązywać po jego kliknięciu.</p>",
                    },
                    {
                        "question": "Czy firma może mieć jedno konto dla kilku osób?",
                        "answer": "<p>Jeszcze nie: każde konto należy do jednej osoby i jednego adresu "
                        "e-mail. Faktury nadal mogą być wystawiane na Twoją firmę.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "password-reset",
        "category": "account",
        "title": "Nie pamiętam hasła albo nie mogę się zalogować",
        "summary": "Ustaw nowe hasło przez link w e-mailu; co zrobić, gdy wiadomość nie dochodzi lub konto jest "
        "zablokowane.",
        "tags": ["hasło", "nie pamiętam hasła", "reset hasła", "problem z logowaniem", "blokada"],
        "applies_to": ["Konta klientów"],
        "related": ["create-account", "delete-account"],
        "body": [
            ("heading", "Jak ustawić nowe hasło"),
            (
                "steps",
                [
                    "Kliknij Zaloguj się, a potem Nie pamiętasz hasła?",
                    "Wpisz adres e-mail swojego konta i kliknij Wyślij link.",
                    "Otwórz wiadomość od Hearth & Kettle i kliknij link. Działa jeden raz, przez 1 godzinę.",
                    "Ustaw nowe hasło o długości co najmniej 10 znaków. Od razu zostaniesz zalogowany.",
                ],
            ),
            (
                "paragraph",
                "<p>Ze względów bezpieczeństwa strona zawsze informuje, że e-mail został wysłany, nawet jeśli "
                "pod tym adresem nie ma konta. Jeśli więc nic nie przyszło, być może konto założyłeś na inny "
                "adres.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "E-mail z linkiem nie przychodzi.",
                        "answer": "<p>Odczekaj kilka minut i sprawdź folder spam. Potem spróbuj innych adresów, "
                        "których używasz. Jeśli zamawiałeś bez rejestracji, nie masz jeszcze hasła: załóż konto "
                        "na ten sam adres.</p>",
                    },
                    {
                        "question": "Widzę komunikat, że konto jest zablokowane.",
                        "answer": "<p>Po 5 błędnych hasłach z rzędu blokujemy logowanie na 15 minut, żeby nikt "
                        "nie mógł zgadywać hasła. Odczekaj i zamiast kolejnych prób ustaw nowe hasło.</p>",
                    },
                    {
                        "question": "Link jest nieprawidłowy.",
                        "answer": "<p>Został już użyty, jest starszy niż 1 godzina albo poprosiłeś o nowszy. "
                        "Działa tylko najnowszy link: poproś o nowy i użyj go od razu.</p>",
                    },
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Nigdy nie prosimy o hasło e-mailem ani telefonicznie. Jeśli dostaniesz taką "
                    "prośbę, nie odpowiadaj i przekaż wiadomość na support@hearth-kettle.example.</p>",
                },
            ),
        ],
    },
    {
        "key": "delete-account",
        "category": "account",
        "title": "Twoje dane osobowe: kopia, poprawienie i usunięcie konta",
        "summary": "Jak na podstawie RODO otrzymać kopię danych, poprawić je lub usunąć konto i co musimy "
        "przechowywać.",
        "tags": ["rodo", "usunięcie konta", "dane osobowe", "prywatność", "eksport danych"],
        "applies_to": ["Wszyscy klienci"],
        "related": ["create-account", "newsletter"],
        "body": [
            (
                "paragraph",
                "<p>Zgodnie z RODO masz prawo wglądu do danych, które o Tobie przechowujemy, do ich "
                "sprostowania, przeniesienia i usunięcia. Na każde żądanie odpowiadamy w ciągu <b>30 dni</b>, "
                "zwykle znacznie szybciej.</p>",
            ),
            ("heading", "Usunięcie konta"),
            (
                "steps",
                [
                    "Zaloguj się i wejdź w Moje konto → Prywatność.",
                    "Kliknij Usuń moje konto i potwierdź hasłem.",
                    "Wyślemy e-mail z potwierdzeniem. Konto usuniemy w ciągu 30 dni; do tego czasu możesz się "
                    "wycofać, odpowiadając na tę wiadomość.",
                ],
            ),
            (
                "paragraph",
                "<p>Nie masz konta albo nie możesz się zalogować? Napisz na support@hearth-kettle.example z "
                "adresu e-mail, którego u nas używałeś, żebyśmy mieli pewność, że żądanie pochodzi od "
                "Ciebie.</p>",
            ),
            ("heading", "Co musimy zachować"),
            (
                "table",
                {
                    "header": ["Dane", "Jak długo", "Dlaczego"],
                    "rows": [
                        ["Faktury i dokumentacja zamówień", "5 lat od końca roku", "Przepisy podatkowe"],
                        ["Otwarte reklamacje i naprawy", "Do ich zakończenia", "Żeby dokończyć naprawę"],
                        ["Wiadomości do obsługi klienta", "2 lata, potem usuwamy", "Na wypadek dalszych pytań"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Wszystko inne, np. zapisane adresy, hasło i ustawienia newslettera, usuwamy. To, co "
                "zachowujemy, nie jest już powiązane z kontem i służy wyłącznie celom z tabeli.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Chcesz najpierw kopię? W zakładce Moje konto → Prywatność kliknij Pobierz moje "
                    "dane. Plik z zamówieniami, adresami i wiadomościami dostaniesz w ciągu 30 dni, zwykle w "
                    "ciągu doby.</p>",
                },
            ),
        ],
    },
    {
        "key": "newsletter",
        "category": "account",
        "title": "Newsletter: zapis, wypisanie się i rabat powitalny",
        "summary": "Co zawiera nasz newsletter, jak często przychodzi i jak zrezygnować jednym kliknięciem.",
        "tags": ["newsletter", "wypisz się", "e-maile", "kod rabatowy", "marketing"],
        "applies_to": ["Wszyscy klienci"],
        "related": ["create-account", "delete-account"],
        "body": [
            (
                "paragraph",
                "<p>Newsletter wysyłamy <b>dwa razy w miesiącu</b>: nowości, porady dotyczące pielęgnacji, "
                "przepisy naszego zespołu i wcześniejszy dostęp do wyprzedaży. Nigdy nie sprzedajemy ani nie "
                "udostępniamy Twojego adresu.</p>",
            ),
            ("heading", "Zapis"),
            (
                "paragraph",
                "<p>Zaznacz zgodę na newsletter w koszyku lub w zakładce Moje konto → Newsletter albo wpisz "
                "adres na dole dowolnej strony. Najpierw wyślemy e-mail z potwierdzeniem: nic nie przyjdzie, "
                "dopóki nie klikniesz zawartego w nim linku.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Nowi subskrybenci dostają <b>kod rabatowy 10%</b> na jedno zamówienie od 50 €, "
                    "ważny 30 dni. Nie łączy się z innymi kodami i nie obejmuje kart podarunkowych.</p>",
                },
            ),
            ("heading", "Wypisanie się"),
            (
                "paragraph",
                "<p>Kliknij <b>Wypisz się</b> na dole dowolnego newslettera albo odznacz zgodę w zakładce Moje "
                "konto → Newsletter. Zmiana działa od razu; newsletter, którego wysyłka już trwała, może "
                "jeszcze dotrzeć w ciągu doby.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "Wypisałem się, a nadal dostaję od Was e-maile.",
                        "answer": "<p>Potwierdzenia zamówień, informacje o wysyłce, faktury i odpowiedzi obsługi "
                        "klienta to nie newsletter: dostajesz je zawsze, gdy zamawiasz lub do nas piszesz. "
                        "Jeśli nadal przychodzi prawdziwy newsletter, przekaż go na "
                        "support@hearth-kettle.example.</p>",
                    },
                    {
                        "question": "Kod powitalny nie działa.",
                        "answer": "<p>Sprawdź, czy zamówienie bez kosztów wysyłki wynosi co najmniej 50 €, czy "
                        "nie minęło 30 dni od zapisu i czy w koszyku nie ma innego kodu.</p>",
                    },
                ],
            ),
        ],
    },
]

SEARCH_CASES += [
    ("jak założyć konto", "create-account"),
    ("zapomniałem hasła", "password-reset"),
    ("usunięcie konta rodo", "delete-account"),
    ("wypisać się z newslettera", "newsletter"),
]

# --- Pielęgnacja produktów -------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "non-stick-pan-care",
        "category": "care",
        "title": "Pielęgnacja patelni z powłoką nieprzywierającą",
        "summary": "Temperatura, przybory i mycie, dzięki którym powłoka nieprzywierająca pozostaje śliska przez lata.",
        "tags": ["powłoka nieprzywierająca", "patelnia", "powłoka", "zarysowania", "smażenie"],
        "applies_to": ["Patelnie i rondle z powłoką nieprzywierającą"],
        "related": ["cast-iron-care", "warranty-periods"],
        "body": [
            (
                "paragraph",
                "<p>Powłoka nieprzywierająca jest wytrzymała, ale nie niezniszczalna. Większość patelni, które "
                "po roku przestają się sprawdzać, została przegrzana, a nie porysowana. Przy tych nawykach "
                "dobra patelnia wytrzyma od trzech do pięciu lat codziennego używania.</p>",
            ),
            ("heading", "Przed pierwszym użyciem"),
            (
                "paragraph",
                "<p>Umyj patelnię w ciepłej wodzie z płynem, osusz ją i ręcznikiem papierowym rozprowadź po "
                "powierzchni łyżeczkę oleju. To wszystko: patelnie nieprzywierające, w przeciwieństwie do "
                "żeliwa, nie wymagają wypalania.</p>",
            ),
            ("heading", "Na co dzień"),
            (
                "paragraph",
                "<ul><li><b>Wystarczy średni ogień.</b> Nie rozgrzewaj pustej patelni dłużej niż minutę, a na "
                "płycie indukcyjnej nie używaj funkcji boost.</li><li><b>Przybory z drewna, silikonu lub "
                "nylonu.</b> Metalowe łopatki i trzepaczki rysują powłokę.</li><li><b>Odrobina oleju lub "
                "masła, bez sprayu.</b> Tłuszcz w sprayu zostawia lepki nalot, który przypala się do "
                "powłoki.</li><li><b>Przed myciem pozwól patelni ostygnąć.</b> Zimna woda na gorącej patelni "
                "może odkształcić dno.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Nasze patelnie nieprzywierające można myć w zmywarce, ale detergenty szybciej "
                    "niszczą powłokę. Mycie ręczne miękką gąbką zajmuje minutę i podwaja jej żywotność.</p>",
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "Jedzenie zaczęło przywierać. Czy powłoka się zużyła?",
                        "answer": "<p>Często to tylko przypalony nalot. Zagotuj na patelni szklankę wody z "
                        "łyżką sody oczyszczonej i gotuj 5 minut, a po ostygnięciu przetrzyj. Jeśli jedzenie "
                        "nadal przywiera na całej powierzchni, powłoka dobiegła końca.</p>",
                    },
                    {
                        "question": "Czy gwarancja obejmuje porysowaną patelnię?",
                        "answer": "<p>Zarysowania od metalowych przyborów lub szorstkich gąbek nie są wadą. "
                        "Powłoka, która przy normalnym używaniu tworzy pęcherze lub się łuszczy, już tak: złóż "
                        "reklamację i prześlij nam zdjęcia.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "cast-iron-care",
        "category": "care",
        "title": "Patelnia żeliwna: wypalanie, mycie i usuwanie rdzy",
        "summary": "Jak myć, suszyć i ponownie wypalić patelnię żeliwną oraz jak uratować zardzewiałą.",
        "tags": ["żeliwo", "wypalanie", "rdza", "patelnia żeliwna", "mycie"],
        "applies_to": ["Żeliwna patelnia 28 cm"],
        "related": ["non-stick-pan-care", "warranty-periods"],
        "body": [
            (
                "paragraph",
                "<p>Twoja <b>żeliwna patelnia 28 cm</b> jest fabrycznie wypalona: ma cienką, wypieczoną "
                "warstwę oleju, która chroni ją przed rdzą i z każdym smażeniem poprawia jej właściwości "
                "nieprzywierające. Dbaj o tę warstwę, a patelnia przetrwa swoją 10-letnią gwarancję o "
                "dziesiątki lat.</p>",
            ),
            ("heading", "Po smażeniu"),
            (
                "steps",
                [
                    "Póki patelnia jest ciepła, opłucz ją gorącą wodą i wyszoruj szczotką. Kropla płynu do "
                    "naczyń nie zaszkodzi.",
                    "Przywarte resztki zeszoruj łyżką grubej soli z odrobiną wody.",
                    "Od razu wytrzyj patelnię ściereczką, a potem podgrzej ją przez minutę na palniku, aż "
                    "odparuje cała wilgoć.",
                    "Wetrzyj ręcznikiem papierowym kilka kropel oleju, aż powierzchnia będzie wyglądać na "
                    "suchą, nie tłustą.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Nigdy nie mocz żeliwa ani nie wkładaj go do zmywarki. Godzina z wodą wystarczy, "
                    "żeby pojawiła się rdza.</p>",
                },
            ),
            ("heading", "Ponowne wypalanie matowej lub zardzewiałej patelni"),
            (
                "steps",
                [
                    "Zetrzyj rdzę wełną stalową aż do gołego, szarego żeliwa, a potem umyj i dobrze osusz.",
                    "Nagrzej piekarnik do 230–250 °C.",
                    "Natrzyj całą patelnię, wewnątrz i na zewnątrz, łącznie z rączką, bardzo cienką warstwą oleju "
                    "rzepakowego, słonecznikowego lub lnianego. Zetrzyj go tyle, ile się da.",
                    "Piecz patelnię dnem do góry przez 1 godzinę, z blachą pod spodem na krople.",
                    "Wyłącz piekarnik i zostaw patelnię w środku do ostygnięcia. Powtórz dwa lub trzy razy, "
                    "żeby uzyskać głęboką, równą warstwę.",
                ],
            ),
            (
                "paragraph",
                "<p>Nierówna lub brązowawa powierzchnia po wypalaniu jest normalna i wyrówna się podczas "
                "gotowania. Warstwę najszybciej budują smażony boczek, ziemniaki i smażenie na płytkim "
                "tłuszczu; bardzo kwaśne potrawy, jak sos pomidorowy, lepiej odłożyć, aż warstwa się "
                "utrwali.</p>",
            ),
        ],
    },
    {
        "key": "descale-kettle",
        "category": "care",
        "title": "Odkamienianie czajnika",
        "summary": "Jak często odkamieniać, bezpieczna metoda z kwaskiem cytrynowym i jak dbać o blask "
        "miedzianego czajnika.",
        "tags": ["odkamienianie", "kamień", "czajnik", "kwasek cytrynowy", "twarda woda"],
        "applies_to": ["Miedziany czajnik 1,7 l", "Wszystkie czajniki elektryczne i nakuchenne"],
        "related": ["descale-espresso-machine", "warranty-periods"],
        "body": [
            (
                "paragraph",
                "<p>Kamień spowalnia czajnik i sprawia, że jest głośniejszy, zostawia płatki w herbacie, a z "
                "czasem może uszkodzić grzałkę. Uszkodzeń spowodowanych kamieniem nie obejmuje gwarancja, "
                "ale zapobieganie im zajmuje dziesięć minut.</p>",
            ),
            (
                "table",
                {
                    "header": ["Twoja woda", "Jak rozpoznać", "Odkamieniaj co"],
                    "rows": [
                        ["Miękka", "Prawie żadnych białych śladów w czajniku", "3 miesiące"],
                        ["Średnio twarda", "Cienki biały nalot po kilku tygodniach", "1 miesiąc"],
                        ["Twarda", "Biały osad i płatki już po kilku dniach", "2 tygodnie"],
                    ],
                },
            ),
            ("heading", "Odkamienianie kwaskiem cytrynowym"),
            (
                "steps",
                [
                    "Wlej do czajnika 1 litr wody i dodaj 2 łyżki (ok. 25 g) kwasku cytrynowego albo saszetkę "
                    "odkamieniacza do czajników.",
                    "Zagotuj i wyłącz czajnik. Zostaw roztwór na 20–30 minut.",
                    "Wylej roztwór i miękką gąbką usuń luźny kamień. Nigdy nie używaj w środku metalowych "
                    "ani ściernych zmywaków.",
                    "Wypłucz czajnik, a potem dwa razy zagotuj pełny czajnik świeżej wody i ją wylej.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Ocet też działa, rozcieńczony z wodą 1:1, ale jego zapach długo się utrzymuje. "
                    "Kwasek cytrynowy jest bezwonny i tani.</p>",
                },
            ),
            ("heading", "Zewnętrzna strona miedzianego czajnika"),
            (
                "paragraph",
                "<p>Miedź z czasem naturalnie ciemnieje. Żeby przywrócić jej blask, natrzyj ją połówką "
                "cytryny zanurzoną w soli albo pastą do miedzi, a potem spłucz i wytrzyj miękką ściereczką. "
                "Nie używaj szorstkich gąbek, bo rysują powierzchnię.</p>",
            ),
        ],
    },
    {
        "key": "knife-sharpening",
        "category": "care",
        "title": "Jak utrzymać ostrość noża szefa kuchni",
        "summary": "Wyrównywanie krawędzi, ostrzenie na kamieniu, przechowywanie i mycie oraz nasza usługa ostrzenia.",
        "tags": ["nóż", "ostrzenie", "kamień do ostrzenia", "tępy nóż", "musak"],
        "applies_to": ["Nóż szefa kuchni 20 cm"],
        "related": ["warranty-periods", "repair-shipping"],
        "body": [
            (
                "paragraph",
                "<p>Tępy nóż jest groźniejszy niż ostry: zamiast ciąć, ześlizguje się. <b>Nóż szefa kuchni "
                "20 cm</b> ma ostrze szlifowane pod kątem <b>15° z każdej strony</b>, które długo pozostaje "
                "ostre, jeśli regularnie wyrównujesz je na musaku i kilka razy w roku naostrzysz.</p>",
            ),
            ("heading", "Wyrównywanie na musaku: raz w tygodniu"),
            (
                "paragraph",
                "<p>Musak prostuje krawędź, nie ścierając metalu. Postaw ceramiczny musak pionowo na "
                "ściereczce i przeciągnij po nim ostrze pod kątem 15°, od nasady do czubka, po pięć razy z "
                "każdej strony, na zmianę.</p>",
            ),
            ("heading", "Ostrzenie na kamieniu: co 2–3 miesiące"),
            (
                "steps",
                [
                    "Namocz kamień wodny o gradacji 1000/6000 przez 10 minut i połóż go na wilgotnej ściereczce.",
                    "Zacznij od strony 1000. Trzymaj ostrze pod kątem 15° (mniej więcej wysokość dwóch "
                    "ułożonych monet pod grzbietem) i przesuwaj je po kamieniu krawędzią do przodu, od nasady "
                    "do czubka.",
                    "Powtarzaj, aż po drugiej stronie na całej długości krawędzi wyczujesz lekki zadzior, a "
                    "potem ostrz drugą stronę.",
                    "Obróć kamień na stronę 6000 i powtórz z mniejszym naciskiem, około dziesięciu pociągnięć "
                    "na stronę.",
                    "Opłucz i osusz nóż, a potem sprawdź go na kartce papieru.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Nigdy do zmywarki: wysoka temperatura, sól i uderzenia tępią ostrze, a "
                    "rękojeść może pęknąć. Myj ręcznie, od razu osuszaj i przechowuj w bloku lub na listwie "
                    "magnetycznej.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Wolisz zostawić to nam? Nasz serwis ostrzy noże Hearth & Kettle za <b>8 € za sztukę</b>, "
                "z przesyłką zwrotną. Napisz na repair-desk@hearth-kettle.example po bezpłatną etykietę. "
                "Krój na deskach drewnianych lub bambusowych, nigdy na szkle ani kamieniu, a ostrze dłużej "
                "zachowa ostrość.</p>",
            ),
        ],
    },
    {
        "key": "descale-espresso-machine",
        "category": "care",
        "title": "Czyszczenie i odkamienianie ekspresu Barista Pro",
        "summary": "Codzienna, cotygodniowa i dwumiesięczna pielęgnacja, dzięki której kawa z ekspresu Barista Pro "
        "smakuje dobrze, a ekspres nie trafia do serwisu.",
        "tags": ["ekspres", "odkamienianie", "czyszczenie", "płukanie wsteczne", "barista pro"],
        "applies_to": ["Ekspres Barista Pro"],
        "related": ["descale-kettle", "repair-shipping", "make-a-complaint"],
        "body": [
            (
                "paragraph",
                "<p>Większość usterek, które trafiają do naszego serwisu, jak słabe ciśnienie, głośna pompa "
                "czy kapiąca grupa, to skutek kamienia lub starych olejków kawowych. Poniższa rutyna zapobiega "
                "prawie wszystkim z nich.</p>",
            ),
            (
                "table",
                {
                    "header": ["Jak często", "Co zrobić"],
                    "rows": [
                        ["Po każdym użyciu", "Przedmuchaj i przetrzyj dyszę pary; wystukaj i opłucz kolbę"],
                        ["Codziennie", "Opróżnij tackę ociekową i opłucz zbiornik na wodę"],
                        ["Co tydzień", "Płukanie wsteczne z tabletką czyszczącą; namocz sitka w gorącej wodzie"],
                        ["Co 2 miesiące lub gdy świeci kontrolka odkamieniania", "Odkamienianie (kroki poniżej)"],
                    ],
                },
            ),
            ("heading", "Odkamienianie"),
            (
                "steps",
                [
                    "Wyjmij ze zbiornika filtr wody, jeśli go używasz.",
                    "Wlej do zbiornika 1 litr wody i porcję płynnego odkamieniacza do ekspresów.",
                    "Przytrzymaj jednocześnie przez 3 sekundy przyciski Para i Gorąca woda, żeby uruchomić "
                    "program odkamieniania (strona 12 instrukcji).",
                    "Podstaw dużą miskę pod grupę i dyszę pary. Program trwa około 25 minut.",
                    "Opłucz zbiornik, napełnij go świeżą wodą i pozwól ekspresowi wykonać cykl płukania.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Nie odkamieniaj octem: niszczy uszczelki i zostawia posmak. Używaj "
                    "odkamieniacza przeznaczonego do ekspresów.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Woda filtrowana lub butelkowana o niskiej zawartości minerałów sprawia, że odkamieniać "
                "trzeba o połowę rzadziej. Jeśli po odkamienianiu ekspres nadal głośno pracuje albo ciśnienie "
                "jest słabe, złóż reklamację; Barista Pro ma 3-letnią gwarancję.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("porysowana patelnia", "non-stick-pan-care"),
    ("rdza na patelni żeliwnej", "cast-iron-care"),
    ("jak odkamienić czajnik", "descale-kettle"),
    ("ostrzenie noża", "knife-sharpening"),
    ("odkamienianie ekspresu", "descale-espresso-machine"),
]

# --- Później dodane artykuły, na końcu, żeby kolejność powyżej się nie zmieniała --------------------------------

ARTICLES += [
    {
        "key": "gift-cards",
        "category": "payments",
        "title": "Karty podarunkowe: zakup, wykorzystanie i saldo",
        "summary": "Elektroniczne karty podarunkowe od 10 € do 500 €, ważne 3 lata, do wykorzystania w kilku "
        "zamówieniach.",
        "tags": ["karta podarunkowa", "bon", "prezent", "saldo", "kod"],
        "applies_to": ["Karty podarunkowe"],
        "related": ["payment-methods", "non-returnable-items"],
        "body": [
            (
                "paragraph",
                "<p>Nie wiesz, jaki nóż czy czajnik by się spodobał? Z kartą podarunkową Hearth & Kettle "
                "obdarowany wybierze sam. Karty są elektroniczne: e-mailem dostajesz PDF z 16-znakowym "
                "kodem, gotowy do wydruku lub przekazania dalej.</p>",
            ),
            ("heading", "Zakup karty podarunkowej"),
            (
                "steps",
                [
                    "Otwórz stronę Karty podarunkowe i wybierz kwotę od 10 € do 500 €.",
                    "Wpisz imię obdarowanego i opcjonalną dedykację; pojawią się na PDF-ie.",
                    "Zapłać dowolną metodą oprócz Klarny i PayPo, które nie obsługują kart podarunkowych.",
                    "PDF przyjdzie e-mailem w ciągu kilku minut. Przekaż go dalej albo wydrukuj do prezentu.",
                ],
            ),
            ("heading", "Wykorzystanie karty"),
            (
                "paragraph",
                "<p>Wpisz kod w polu na kod rabatowy w koszyku. Jeśli zamówienie kosztuje mniej niż wartość "
                "karty, reszta zostaje na niej na kolejne zakupy. Jeśli więcej, dopłać różnicę dowolną inną "
                "metodą. Kartę można połączyć z jednym kodem rabatowym.</p>",
            ),
            (
                "table",
                {
                    "header": ["Pytanie", "Odpowiedź"],
                    "rows": [
                        ["Jak długo jest ważna?", "3 lata od dnia zakupu"],
                        ["Gdzie sprawdzę saldo?", "W koszyku po wpisaniu kodu albo pod linkiem w PDF-ie"],
                        ["Czy mogę ją wymienić na gotówkę?", "Nie, ale niewykorzystaną kartę zwrócisz w ciągu 14 dni"],
                        ["Co, jeśli zwrócę produkt opłacony kartą?", "Kwota wraca na kartę podarunkową"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Zgubiony e-mail? Napisz do nas z adresu, z którego kupiłeś kartę, a wyślemy PDF "
                    "ponownie. Kod to karta: chroń go jak gotówkę.</p>",
                },
            ),
        ],
    },
    {
        "key": "induction-dishwasher-oven",
        "category": "care",
        "title": "Indukcja, zmywarka i piekarnik: co gdzie można włożyć",
        "summary": "Jedna tabela dla wszystkich produktów: płyta indukcyjna, zmywarka, temperatura w piekarniku i "
        "pralka.",
        "tags": ["indukcja", "zmywarka", "do piekarnika", "płyta", "kompatybilność"],
        "applies_to": ["Naczynia kuchenne", "Noże i deski", "Małe AGD"],
        "related": ["non-stick-pan-care", "cast-iron-care", "knife-sharpening"],
        "body": [
            (
                "paragraph",
                "<p>To pytania, które słyszymy najczęściej przed zakupem: czy działa na indukcji i czy można "
                "to myć w zmywarce? Oto odpowiedź dla wszystkiego, co sprzedajemy.</p>",
            ),
            (
                "table",
                {
                    "header": ["Produkt", "Płyta indukcyjna", "Zmywarka", "Piekarnik"],
                    "rows": [
                        ["Żeliwna patelnia 28 cm", "Tak", "Nie", "Tak, do 260 °C"],
                        ["Patelnie z powłoką nieprzywierającą", "Tak", "Tak, ale lepiej myć ręcznie", "Do 180 °C"],
                        ["Nóż szefa kuchni 20 cm", "–", "Nie", "–"],
                        ["Bambusowa deska do krojenia", "–", "Nie", "–"],
                        ["Ceramiczny dzbanek 1 l", "Nie", "Tak", "Nie"],
                        ["Miedziany czajnik 1,7 l (elektryczny)", "–", "Nie: przecieraj tylko z zewnątrz", "–"],
                        ["Blender PowerMix", "–", "Kielich i pokrywka: tak, górny kosz; podstawa: nie", "–"],
                        ["Robot planetarny 5 l", "–", "Misa, trzepaczka i hak: tak; korpus: nie", "–"],
                        ["Ekspres Barista Pro", "–", "Tacka ociekowa: tak; kolba i sitka: nie", "–"],
                        ["Lniany fartuch", "–", "Pralka, 40 °C", "–"],
                    ],
                },
            ),
            ("heading", "Wskazówki do indukcji"),
            (
                "paragraph",
                "<p>Wybierz pole grzewcze zbliżone wielkością do dna i rozgrzewaj żeliwo powoli, na średniej "
                "mocy przez 3–4 minuty: zimna, ciężka patelnia na pełnej mocy może pęknąć. Nie używaj funkcji "
                "boost z pustą patelnią nieprzywierającą.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Nigdy nie wkładaj noży do zmywarki, nawet jeśli rękojeść by to zniosła: ostrze "
                    "się obija i tępi, a gwarancja nie obejmuje uszkodzeń ze zmywarki.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Nie wiesz, jaką masz płytę? Przyłóż magnes z lodówki do dna obecnej patelni: jeśli się "
                "trzyma, patelnia działa na indukcji. Nasze patelnie nieprzywierające i żeliwne również.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("bon podarunkowy", "gift-cards"),
    ("czy patelnia jest na indukcję", "induction-dishwasher-oven"),
    ("czy można myć w zmywarce", "induction-dishwasher-oven"),
]
