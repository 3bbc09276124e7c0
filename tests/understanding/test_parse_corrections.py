"""A driver corrects a read-back in place."""

import pytest

from daisy.understanding.corrections import apply_correction

ES = [
    ("En vez de la L es F.", "plate", "ALB123", "AFB123"),
    ("En vez de la letra P sería la letra T", "plate", "PXZ455", "TXZ455"),
    ("en vez de P, T", "plate", "PXZ455", "TXZ455"),
    ("no, la primera es P, luego T", "plate", "BDX455", "PTX455"),
    ("Antes del cuatro va la letra t minúscula", "plate", "XZ455", "XZT455"),
    ("la última es 7", "plate", "XYZ456", "XYZ457"),
    ("no es la be, es la ve", "plate", "ABC123", "AVC123"),
    ("cámbiale la B por una D", "plate", "ABC123", "ADC123"),
    ("sobra la A", "plate", "AABC123", "ABC123"),
    ("no, es cuarenta y tres", "number", "42", "43"),
    ("en vez del tres es ocho", "number", "3987", "8987"),
    ("no, es Ramón Ibarra", "name", "Ramon Ibarra", "Ramón Ibarra"),
    ("en vez de Juan es Julio", "name", "Juan Pérez", "Julio Pérez"),
    ("no, a las cinco de la tarde", "time", "15:00", "17:00"),
    ("en vez de la ele es efe", "email", "juan.lopez@gmail.com", "juan.fopez@gmail.com"),
    ("no, es pedro arroba gmail punto com", "email", "juan@gmail.com", "pedro@gmail.com"),
    ("No, es ABC 1234", "plate", "ABD1234", "ABC1234"),
]
EN = [
    ("instead of P it's T", "plate", "PXZ455", "TXZ455"),
    ("not P, T", "plate", "PXZ455", "TXZ455"),
    ("no, it's forty three", "number", "42", "43"),
    ("the last one is 7", "plate", "XYZ456", "XYZ457"),
    ("before the 4 there is a T", "plate", "XZ455", "XZT455"),
    ("change the B to a D", "plate", "ABC123", "ADC123"),
    ("it's D not B", "plate", "ABC123", "ADC123"),
    ("nope, it's B as in bravo x y 1 2 3", "plate", "PXY123", "BXY123"),
]
NOT_CORRECTIONS = [
    ("no", "number", "42"), ("No está mal.", "plate", "ABC123"), ("No, no, no", "plate", "ABC123"),
    ("La única letra que está bien es la A", "plate", "ABC123"),
    ("No, las letras no están bien, los números sí.", "plate", "ABC123"),
    ("no", "name", "Juan Pérez"), ("no, está mal", "name", "Juan Pérez"), ("no", "email", "a@b.com"),
    ("no, está mal", "email", "a@b.com"), ("sí", "plate", "ABC123"), ("incorrecto", "time", "10:00"),
]


@pytest.mark.parametrize(("said", "kind", "current", "fixed"), ES)
def test_driver_corrects_part_of_read_back_in_spanish(said: str, kind: str, current: str, fixed: str) -> None:
    assert apply_correction(said, "es-MX", kind, current) == fixed


@pytest.mark.parametrize(("said", "kind", "current", "fixed"), EN)
def test_driver_corrects_part_of_read_back_in_english(said: str, kind: str, current: str, fixed: str) -> None:
    assert apply_correction(said, "en-US", kind, current) == fixed


@pytest.mark.parametrize(("said", "kind", "current"), NOT_CORRECTIONS)
def test_plain_no_is_not_a_correction(said: str, kind: str, current: str) -> None:
    assert apply_correction(said, "es", kind, current) is None


@pytest.mark.parametrize(
    ("said", "lang", "kind", "current", "fixed"),
    [("es F en vez de la L", "es", "plate", "ALB123", "AFB123"),
     ("no, la segunda letra es una ge", "es", "plate", "ACB123", "AGB123"),
     ("te faltó la R al final", "es", "plate", "ABC12", "ABC12R"),
     ("falta una R al principio", "es", "plate", "ABC123", "RABC123"),
     ("no es 43, es 34", "es", "number", "43", "34"),
     ("el tercero es un cinco", "es", "number", "1234", "1254"),
     ("no, el número es 4512", "es", "number", "4511", "4512"),
     ("it should be G instead of C", "en", "plate", "ACB123", "AGB123"),
     ("it's not B, it's D", "en", "plate", "ABC123", "ADC123"),
     ("the third one is a five", "en", "number", "1234", "1254")],
)
def test_more_correction_phrasings(said: str, lang: str, kind: str, current: str, fixed: str) -> None:
    assert apply_correction(said, lang, kind, current) == fixed


def test_driver_names_the_wrong_symbol() -> None:
    assert apply_correction("te equivocaste en la T, es D", "es", "plate", "ATC123") == "ADC123"


@pytest.mark.parametrize(
    ("said", "lang"),
    [("La X está mal, es C", "es"), ("La equis está mal, es ce", "es"), ("no, la equis es ce", "es"),
     ("la equis no, es ce", "es"), ("No, es C, no X", "es"), ("Es ce de casa, no equis", "es"),
     ("Donde dice equis va ce", "es"), ("Está mal la tercera, es C", "es"),
     ("la letra equis es una ce", "es"),
     ("The X is wrong, it's C", "en"), ("no, the X is a C", "en"), ("the X should be a C", "en"),
     ("It's C, not X", "en"), ("No, it should be C instead of X", "en"),
     ("The third one is wrong, it's C", "en")],
)
def test_driver_points_at_the_wrong_letter(said: str, lang: str) -> None:
    assert apply_correction(said, lang, "plate", "ABX123") == "ABC123"


def test_email_letter_swap() -> None:
    assert apply_correction("no es con b, es con v", "es", "email", "bictor@gmail.com") == "victor@gmail.com"


@pytest.mark.parametrize(
    ("said", "lang", "fixed"),
    [("te faltó el cuatro", "es", "ABC1234"), ("No, falta el 4", "es", "ABC1234"),
     ("you missed the 4", "en", "ABC1234"), ("no, le falta un 7 al inicio", "es", "7ABC123")],
)
def test_read_back_cut_short_gets_the_missing_symbol(said: str, lang: str, fixed: str) -> None:
    assert apply_correction(said, lang, "plate", "ABC123") == fixed


@pytest.mark.parametrize(
    ("said", "lang", "current", "fixed"),
    [("No, de la tarde", "es", "05:00", "17:00"), ("no, en la noche", "es", "08:30", "20:30"),
     ("no, de la mañana", "es", "19:00", "07:00"), ("No, PM", "en", "06:00", "18:00"),
     ("no, y media", "es", "17:00", "17:30"), ("no, in the morning", "en", "19:00", "07:00")],
)
def test_driver_fixes_only_the_part_of_day_or_the_half_hour(
    said: str, lang: str, current: str, fixed: str
) -> None:
    assert apply_correction(said, lang, "time", current) == fixed


@pytest.mark.parametrize(
    ("said", "current", "fixed"),
    [("No, en vez de la letra ele sería la letra ka", "ABL123", "ABK123"),
     ("no, en vez de be es pe", "ABL123", "APL123"), ("no, es F en vez de L", "ABL123", "ABF123")],
)
def test_swap_after_a_no_keeps_old_before_new(said: str, current: str, fixed: str) -> None:
    assert apply_correction(said, "es-MX", "plate", current) == fixed


@pytest.mark.parametrize(
    ("said", "lang", "current", "fixed"),
    [("no, al final va un uno", "es-MX", "1480", "1481"), ("no, termina en siete", "es-MX", "1480", "1487"),
     ("no, al principio va la te", "es-MX", "ABL123", "TBL123"),
     ("no, al final va otro uno", "es-MX", "1480", "14801"),
     ("it ends with a seven", "en-US", "1480", "1487")],
)
def test_what_goes_at_the_end_or_start_replaces_those_symbols(said: str, lang: str, current: str,
                                                              fixed: str) -> None:
    kind = "number" if current.isdigit() else "plate"
    assert apply_correction(said, lang, kind, current) == fixed


@pytest.mark.parametrize(
    ("said", "current", "fixed"),
    [("no, es hotmail", "juan@gmail.com", "juan@hotmail.com"),
     ("no, es outlook punto com", "juan@gmail.com", "juan@outlook.com"),
     ("no, es arroba yahoo punto com punto mx", "juan@gmail.com", "juan@yahoo.com.mx"),
     ("no, es con guion bajo", "juan.perez@gmail.com", "juan_perez@gmail.com"),
     ("no, es con punto", "juan_perez@gmail.com", "juan.perez@gmail.com")],
)
def test_email_provider_or_separator_fixed_alone(said: str, current: str, fixed: str) -> None:
    assert apply_correction(said, "es-MX", "email", current) == fixed


@pytest.mark.parametrize("said", ["está mal la B", "la única letra que está bien es la A"])
def test_vague_complaint_is_no_correction(said: str) -> None:
    assert apply_correction(said, "es-MX", "plate", "ABL123") is None


@pytest.mark.parametrize(
    ("said", "current", "fixed"),
    [("no, es arroba hotmail", "juan@gmail.com", "juan@hotmail.com"),
     ("no, es gmail, no hotmail", "juan@hotmail.com", "juan@gmail.com"),
     ("no, es guion bajo, no punto", "juan.perez@gmail.com", "juan_perez@gmail.com"),
     ("no, es punto com punto mx", "juan@gmail.com", "juan@gmail.com.mx"),
     ("no, es juan arroba yahoo punto com", "juana@gmail.com", "juan@yahoo.com"),
     ("no, al último va un uno", "1480", "1481"), ("no, el final es uno", "1480", "1481")],
)
def test_more_ways_to_fix_one_part(said: str, current: str, fixed: str) -> None:
    kind = "number" if current.isdigit() else "email"
    assert apply_correction(said, "es-MX", kind, current) == fixed
