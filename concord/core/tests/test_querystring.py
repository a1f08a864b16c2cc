from hypothesis import given
from hypothesis import strategies as st

from concord.core.querystring import whole_number


def test_only_plain_ascii_digits_are_a_number():
    assert [whole_number(v) for v in ("12", "007", "", None, "-1", "1.5", "²", "٣", " 1")] == [
        12, 7, None, None, None, None, None, None, None,
    ]  # fmt: skip
    assert whole_number("12345", digits=4) is None


@given(st.text(max_size=12))
def test_any_text_is_a_number_or_none_never_an_error(value):
    number = whole_number(value)
    assert number is None or int(value) == number
