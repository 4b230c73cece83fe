"""Generators for the string formats openapi.yaml names whose rule a pattern cannot say whole:
the check characters of card and pass numbers (ISO 7064 MOD 37,36), the resident ID number's
check digit and birth date (GB 11643), the unified social credit code's check character
(GB 32100), an IPv4 network's zero host bits, and a removal's day that is not in the past. Each pattern in the document gives the
shape; these make values that also pass the check, as a client that computes it would. Loaded by
schemathesis through SCHEMATHESIS_HOOKS (Tests/contract/schemathesis.sh), with the hook that puts
the web pass's CSRF token in its forms."""

import datetime
import os

import schemathesis
from hypothesis import strategies as st

ALPHABET_36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def mod37_36(body: str) -> str:
    """The check character of Sources/ColopassCore/Identity/CheckCharacter.swift."""
    state = 36
    for c in body.upper().replace("-", ""):
        total = (state + ALPHABET_36.index(c)) % 36
        state = (2 * (36 if total == 0 else total)) % 37
    return ALPHABET_36[(37 - state) % 36]


site = st.from_regex(r"\A[A-Z][A-Z0-9]{1,7}\Z")
sequence = st.from_regex(r"\A[0-9]{6,8}\Z")


@st.composite
def card_number(draw):
    body = f"{draw(site)}-{draw(sequence)}"
    return f"{body}-{mod37_36(body)}"


def pass_number(prefix):
    @st.composite
    def make(draw):
        body = f"{prefix}-{draw(site)}-{draw(sequence)}"
        return f"{body}-{mod37_36(body)}"

    return make()


PROVINCES = [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66),
             71, 81, 82, 83, 91]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


@st.composite
def resident_id(draw):
    province = draw(st.sampled_from(PROVINCES))
    region = draw(st.integers(0, 9999))
    born = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2020, 12, 31)))
    serial = draw(st.integers(0, 999))
    body = f"{province:02d}{region:04d}{born:%Y%m%d}{serial:03d}"
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS)) % 11]
    return body + check


CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


@st.composite
def credit_code(draw):
    head = draw(st.text(CREDIT_ALPHABET, min_size=2, max_size=2))
    region = draw(st.text("0123456789", min_size=6, max_size=6))
    organisation = draw(st.text(CREDIT_ALPHABET, min_size=9, max_size=9))
    body = head + region + organisation
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS))
    return body + CREDIT_ALPHABET[(31 - total % 31) % 31]


# A day from the site's today on (UTC+8 at most ahead of UTC, so tomorrow in UTC is safe).
date_from_today = st.dates(datetime.date.today() + datetime.timedelta(days=1), datetime.date(2099, 12, 31)).map(
    lambda day: day.isoformat())

@st.composite
def ipv4_network(draw):
    prefix = draw(st.integers(16, 30))
    address = draw(st.integers(0, 2**32 - 1)) & ~((1 << (32 - prefix)) - 1)
    return f"{'.'.join(str(address >> shift & 255) for shift in (24, 16, 8, 0))}/{prefix}"


schemathesis.openapi.format("ipv4-network", ipv4_network())
schemathesis.openapi.format("date-from-today", date_from_today)
schemathesis.openapi.format("card-number", card_number())
schemathesis.openapi.format("temporary-pass-number", pass_number("TP"))
schemathesis.openapi.format("emergency-pass-number", pass_number("EP"))
schemathesis.openapi.format("resident-id", resident_id())
schemathesis.openapi.format("credit-code", credit_code())


@schemathesis.hook
def map_body(context, body):
    """A signed-in browser sends its session's CSRF token in every form (the web pass sets it)."""
    csrf = os.environ.get("COLOPASS_CSRF")
    if csrf and isinstance(body, dict) and context.operation is not None and context.operation.path.startswith("/web/"):
        return {**body, "csrf": csrf}
    return body
