"""Optional integrations with other packages, each active only when that package is installed."""
