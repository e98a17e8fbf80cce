"""The resume code: the self-check answers in 12 characters a person can copy by hand.

Nothing is stored on the server: the code itself holds the role, the answers and the rules
version (see ../shared/spec/selfcheck.md, "Continue later"). Pure Python, no Flask.

Format (versions 1 and 2), 12 symbols, shown as three groups of four (ABCD-EFGH-JKMN):

- alphabet: the 31 symbols 2-9 and A-Z without I, L and O (no 0/O, no 1/I/L look-alikes);
- symbol 1: the number of the rules version the code was made with (a key of VERSIONS);
- symbols 2-9: the answers as one number in base 31. Every question of that version's layout is
  one digit of a mixed-radix number: 0 = not answered, k = its k-th option. Only the answers on
  the path are written, so the same answers always give the same code;
- symbols 10-12: three check symbols of a Reed-Solomon code over GF(31) (generator roots 3, 3**2
  and 3**3 modulo 31). Any one, two or three changed symbols are always refused, and so are two
  swapped symbols; random text of the right length passes with odds of 1 in 29,791 (14.9 bits).

Old codes keep working: a layout is frozen once codes were made with it, so a code is always
read with the layout it was written with, and what it says is then taken in by today's rules.
An answer whose question or option no longer exists, or that is off today's path, is dropped;
the router then leads to the first question that still needs an answer.
"""

import re
from dataclasses import dataclass

from app.selfcheck import router
from app.selfcheck.questionnaire import is_valid_answer

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BASE = len(ALPHABET)  # 31, a prime: the check symbols work in the field GF(31)
VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
CHECK_SYMBOLS = 3
ANSWER_SYMBOLS = 8
LENGTH = 1 + ANSWER_SYMBOLS + CHECK_SYMBOLS
GROUP = 4

# Spaces, dashes of every kind and dots are only there to help reading; they do not count.
_IGNORED = re.compile(r"[\s\-\u2010-\u2015\u2212.]+")


@dataclass(frozen=True)
class Layout:
    """What the answer digits of one rules version mean: (question id, options) in code order."""

    rules_version: str
    questions: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def capacity(self) -> int:
        size = 1
        for _question, options in self.questions:
            size *= len(options) + 1
        return size


_YND = ("yes", "no", "dont_know")

# The questionnaire of 28 November 2026, frozen: codes made with it must keep their meaning.
_LAYOUT_2026_11 = (
    ("role", ("self", "helper")),
    ("age", ("under_16", "16_or_older", "aow_age")),
    ("situation", ("school", "wsw_job", "regular_job", "dagbesteding", "none")),
    ("school_type", ("pro", "vso", "entree", "other", "dont_know")),
    ("previous_advice", ("no", "positive", "negative", "dont_know")),
    ("new_facts", _YND),
    ("wsw_indication", _YND),
    ("wsw_supported_work", ("possible", "not_possible", "dont_know")),
    ("can_do_task", _YND),
    ("basic_work_skills", _YND),
    ("work_one_hour", _YND),
    ("work_four_hours", _YND),
    ("needs_supervision", _YND),
    ("needs_guidance", _YND),
    ("needs_adaptations", _YND),
    ("regular_employer_possible", _YND),
    ("earn_minimum_wage", _YND),
)

# Every rules version that has made codes, by the number in the code's first symbol. Never
# change or remove an entry; a new rules version (or a new question or option) gets a new number.
VERSIONS: dict[int, Layout] = {
    # Before 1 December 2026 PrO and VSO pupils were asked about a Wsw-indicatie too.
    1: Layout("2026-11-28", _LAYOUT_2026_11),
    # Issue 11: wsw_indication is skipped for PrO/VSO (routing only; questions and options the same).
    2: Layout("2026-12-01", _LAYOUT_2026_11),
}
CURRENT = max(VERSIONS)

for _number, _layout in VERSIONS.items():
    assert 0 <= _number < BASE and _layout.capacity <= BASE**ANSWER_SYMBOLS, f"layout {_number} does not fit"


class InvalidCode(ValueError):
    """The typed text is not a resume code. `reason` says why (for tests; people get one message)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Restored:
    # The answers that still fit today's questions and options. The router uses those on today's
    # path; the others are kept like any answer off the path (a later change may bring them back).
    answers: dict[str, str]
    version: int  # the number of the rules version the code was made with
    rules_version: str
    dropped: tuple[str, ...]  # questions whose answer in the code no longer fits

    @property
    def complete(self) -> bool:
        return router.is_complete(self.answers)


# --- arithmetic in GF(31) -------------------------------------------------------------------

_ROOTS = tuple(pow(3, j, BASE) for j in range(1, CHECK_SYMBOLS + 1))  # 3 is a primitive root mod 31


def _generator() -> list[int]:
    """(x - 3)(x - 9)(x - 27) mod 31, highest power first."""
    poly = [1]
    for root in _ROOTS:
        poly = [(a - root * b) % BASE for a, b in zip(poly + [0], [0] + poly, strict=True)]
    return poly


_GENERATOR = _generator()


def _check_digits(data: list[int]) -> list[int]:
    """The remainder of data(x) * x**3 divided by the generator, negated (systematic encoding)."""
    remainder = list(data) + [0] * CHECK_SYMBOLS
    for i in range(len(data)):
        factor = remainder[i]
        if factor:
            for j, g in enumerate(_GENERATOR):
                remainder[i + j] = (remainder[i + j] - factor * g) % BASE
    return [(-r) % BASE for r in remainder[-CHECK_SYMBOLS:]]


def _checks_out(digits: list[int]) -> bool:
    """A codeword vanishes at every root of the generator."""
    for root in _ROOTS:
        value = 0
        for digit in digits:
            value = (value * root + digit) % BASE
        if value:
            return False
    return True


# --- encoding and decoding ------------------------------------------------------------------


def encode(answers: dict) -> str:
    """The code (12 symbols, no dashes) for the answers that count on the current path."""
    return write(CURRENT, router.on_path_answers(answers))


def write(version: int, answers: dict) -> str:
    """The code of `answers` in the layout of `version` (answers outside the layout are left out)."""
    layout = VERSIONS[version]
    number = 0
    for question_id, options in reversed(layout.questions):
        value = answers.get(question_id)
        digit = options.index(value) + 1 if value in options else 0
        number = number * (len(options) + 1) + digit
    data = [version] + _to_base(number, ANSWER_SYMBOLS)
    return "".join(ALPHABET[d] for d in data + _check_digits(data))


def _to_base(number: int, width: int) -> list[int]:
    digits = []
    for _ in range(width):
        number, digit = divmod(number, BASE)
        digits.append(digit)
    return digits[::-1]


def normalise(typed: str) -> str:
    """What the person typed, without spaces and dashes, in capitals."""
    return _IGNORED.sub("", typed or "").upper()


def decode(typed: str) -> Restored:
    """The answers held by a typed code; raises InvalidCode when it is not a valid code."""
    code = normalise(typed)
    if not code:
        raise InvalidCode("empty")
    if any(symbol not in VALUE for symbol in code):
        raise InvalidCode("characters")
    if len(code) != LENGTH:
        raise InvalidCode("length")
    digits = [VALUE[symbol] for symbol in code]
    if not _checks_out(digits):
        raise InvalidCode("check")
    layout = VERSIONS.get(digits[0])
    if layout is None:
        raise InvalidCode("version")
    number = 0
    for digit in digits[1 : 1 + ANSWER_SYMBOLS]:
        number = number * BASE + digit
    if number >= layout.capacity:
        raise InvalidCode("range")
    written: dict[str, str] = {}
    for question_id, options in layout.questions:
        number, digit = divmod(number, len(options) + 1)
        if digit:
            written[question_id] = options[digit - 1]
    fitting = {q: v for q, v in written.items() if is_valid_answer(q, v)}
    counted = router.on_path_answers(fitting)
    dropped = tuple(q for q in written if q not in counted)
    return Restored(answers=fitting, version=digits[0], rules_version=layout.rules_version, dropped=dropped)


def grouped(code: str) -> str:
    """ABCDEFGHJKMN -> ABCD-EFGH-JKMN, the way the code is shown."""
    code = normalise(code)
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
