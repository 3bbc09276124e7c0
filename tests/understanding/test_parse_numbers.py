"""Fleet numbers as drivers say them."""

import pytest

from daisy.understanding.numbers import say_digits, spoken_code, spoken_digits

ES = [
    ("treinta y nueve ochenta y siete", "3987"),
    ("veintisiete once", "2711"),
    ("cuatro cinco siete ocho", "4578"),
    ("4 5 7 8", "4578"),
    ("32.", "32"),
    ("el cinco", "5"),
    ("mil dos", "1002"),
    ("cuatro mil", "4000"),
    ("siete mil setecientos ochenta y ocho", "7788"),
    ("ciento cincuenta y cinco", "155"),
    ("Catorce ochenta", "1480"),
    ("sesenta y uno, veinte", "6120"),
    ("12 treinta", "1230"),
    ("Treintaidós.", "32"),
    ("treinta i dos", "32"),
    ("dos mil veinte", "2020"),
    ("doscientos cinco", "205"),
    ("cero cero siete", "007"),
    ("doble cero siete", "007"),
    ("es el noventa y nueve cero uno", "9901"),
    ("Sí, el número es 5521", "5521"),
    ("mil novecientos noventa y nueve", "1999"),
    ("tres mil cien", "3100"),
    ("ochocientos ochenta y ocho", "888"),
    ("veinti dos", "22"),
    ("diez y seis", "16"),
    ("quince, quince", "1515"),
]
EN = [
    ("eight oh eight", "808"),
    ("thirty nine eighty seven", "3987"),
    ("three hundred", "300"),
    ("four five seven eight", "4578"),
    ("twenty-seven eleven", "2711"),
    ("a hundred and five", "105"),
    ("two thousand five", "2005"),
    ("nineteen eighty seven", "1987"),
    ("double oh seven", "007"),
    ("it's 4512", "4512"),
    ("one two three four", "1234"),
]


@pytest.mark.parametrize(("said", "digits"), ES)
def test_driver_says_fleet_number_in_spanish_words_pairs_or_digits(said: str, digits: str) -> None:
    assert spoken_digits(said, "es-MX") == digits


@pytest.mark.parametrize(("said", "digits"), EN)
def test_driver_says_fleet_number_in_english(said: str, digits: str) -> None:
    assert spoken_digits(said, "en-US") == digits


@pytest.mark.parametrize("said", ["no sé", "", "Mmm", "Hola", "ya te lo di", "¿Qué?"])
def test_no_digits_gives_none(said: str) -> None:
    assert spoken_digits(said, "es") is None


@pytest.mark.parametrize(
    ("said", "code"),
    [("T 45", "T45"), ("te cuarenta y cinco", "T45"), ("el número es 45", "45"),
     ("ese es el 45", "45"), ("letra a doce", "A12"), ("R de Ramón 3 1", "R31"),
     ("equis doscientos", "X200"), ("cuarenta y tres", "43")],
)
def test_fleet_number_with_spelled_letters(said: str, code: str) -> None:
    assert spoken_code(said, "es") == code


@pytest.mark.parametrize(
    ("heard", "code"),
    [("en el tomate cuatro nueve dos", "T492"),  # espeak-ng's "te de Tomate, cuatro, nueve, dos"
     ("en el carmen cuatro", "C4"), ("En el taco y en el rosa uno", "TR1"),
     # ...but only a key word first, with a number after it
     ("en el camión cuatro cinco", "45"), ("en el tinto", None), ("en el cinco cero cinco ocho", "5058")],
)
def test_a_fleet_numbers_letter_with_its_name_and_de_heard_en_el_is_its_key_words(heard: str,
                                                                                   code: str | None) -> None:
    assert spoken_code(heard, "es") == code


def test_fleet_number_alone_letter_is_not_a_number() -> None:
    assert spoken_code("a", "es") is None
    assert spoken_code("sí", "es") is None


def test_english_fleet_code() -> None:
    assert spoken_code("T as in Tango forty five", "en") == "T45"


def test_read_back_digit_by_digit() -> None:
    assert say_digits("6120", "es-MX") == "seis, uno, dos, cero"
    assert say_digits("6120", "en-US") == "six, one, two, zero"


def test_read_back_short_numbers_as_a_number() -> None:
    assert say_digits("43", "es") == "cuarenta y tres"
    assert say_digits("5", "en") == "five"
    assert say_digits("07", "es") == "cero, siete"


def test_read_back_code_with_letter_uses_key_word() -> None:
    assert say_digits("T45", "es") == "T de Tigre, cuatro, cinco"


@pytest.mark.parametrize(
    ("said", "lang", "code"),
    [("are dash four hundred five", "en", "R405"), ("it's A dash five hundred fourteen", "en", "A514"),
     ("mira, a y cinco tres seis", "es", "A536"), ("A guion ochocientos ochenta y siete", "es", "A887"),
     ("ekis 172", "es", "X172"), ("letra ekis, doscientos treinta y siete", "es", "X237")],
)
def test_fleet_number_letter_joined_by_dash_or_y(said: str, lang: str, code: str) -> None:
    assert spoken_code(said, lang) == code


@pytest.mark.parametrize("said", ["Dame un segundo.", "espérame una hora", "un momento"])
def test_spanish_article_un_is_not_the_digit_one(said: str) -> None:
    assert spoken_digits(said, "es") is None
    assert spoken_code(said, "es") is None


def test_un_before_mil_is_one() -> None:
    assert spoken_digits("un mil dos", "es") == "1002"


@pytest.mark.parametrize(
    ("said", "digits"),
    [("2 mil 358", "2358"), ("dos mil 358", "2358"), ("2 mil trescientos", "2300"), ("4 mil 5", "4005"),
     ("2 mil", "2000")],
)
def test_digits_times_mil_make_one_number(said: str, digits: str) -> None:
    assert spoken_code(said, "es-MX") == digits


@pytest.mark.parametrize(
    ("said", "digits"),
    [("quinientos doce, la cinco uno dos", "512"), ("cinco uno dos, o sea quinientos doce", "512"),
     ("catorce ochenta, uno cuatro ocho cero", "1480"), ("1480, catorce ochenta", "1480"),
     ("thirty nine eighty seven, three nine eight seven", "3987"), ("doce doce", "1212")],
)
def test_number_restated_digit_by_digit_is_said_once(said: str, digits: str) -> None:
    lang = "en-US" if said.startswith("thirty") else "es-MX"
    assert spoken_code(said, lang) == digits
