"""Reading numbers from a query string: a bad value means 'not given', never a server error."""


def whole_number(value: str | None, *, digits: int = 9) -> int | None:
    """ "12" -> 12; "", "x", "-1", "²" (a digit to str.isdigit, not to int), too long -> None."""
    if not value or len(value) > digits or not (value.isascii() and value.isdigit()):
        return None
    return int(value)
