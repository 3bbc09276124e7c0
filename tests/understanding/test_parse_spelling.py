"""Plates spelled by drivers, in pieces or at once, through a noisy recognizer."""

import logging

import pytest

from daisy.understanding.normalize import normalize
from daisy.understanding.spelling import looks_complete_plate, say_symbols, spell

ES = [
    # letter names and "letra X"
    ("Letra equis", "X"), ("Letra zeta", "Z"), ("Letra M", "M"), ("letra Y, letra Z.", "YZ"),
    ("jota ka ele", "JKL"), ("i griega", "Y"), ("doble u", "W"), ("doble ve", "W"), ("eñe", "N"),
    ("hache", "H"), ("cu", "Q"), ("erre", "R"), ("uve", "V"), ("be grande", "B"), ("ve chica", "V"),
    # key words: the key word's first letter wins
    ("B de Burro", "B"), ("D de Dedo", "D"), ("E de Elefante", "E"), ("Efe de Francia", "F"),
    ("Ve de vaca", "V"), ("Zeta de zapato", "Z"), ("Eme de mamá", "M"), ("K de Kilo", "K"),
    ("Erre de Ramón.", "R"), ("Ele de Lupita, te de Toluca", "LT"), ("Ñ de ñandú", "N"),
    ("ese de Sonora", "S"), ("ge de gato", "G"),
    # damaged by the recognizer
    ("Le traen", "N"), ("Litra eme", "M"), ("Letraeme, letraene, letrae catorce ochenta", "MNE1480"),
    ("Ave águila", "A"), ("Areáguila", "A"), ("Bebe burro", "B"), ("Se ve gato", "G"),
    # numbers
    ("Ciento veintiocho", "128"), ("Ochenta.", "80"), ("tres mil cien", "3100"),
    ("ciento cincuenta y cinco", "155"), ("catorce ochenta", "1480"), ("cuatro cero cero", "400"),
    # written by the recognizer
    ("MNA-14", "MNA14"), ("ABC 1234", "ABC1234"), ("12AB3C", "12AB3C"),
    # mixed with filler
    ("las placas son a b c guion 123", "ABC123"), ("I griega, jota, cuatro cero cero.", "YJ400"),
    ("mi placa es jota ka ele 45 22", "JKL4522"), ("las placas de la caja son ene equis 155", "NX155"),
    ("sería la letra te", "T"), ("y luego la be", "B"),
]
EN = [
    ("B as in Bravo", "B"), ("my plates are alpha bravo charlie one two three", "ABC123"),
    ("T as in Tango, Z, four, zero", "TZ40"), ("x ray", "X"), ("its k l m 4 5 6", "KLM456"),
    ("double u", "W"), ("M for Mike", "M"), ("eight oh eight", "808"), ("oh", "O"),
    ("the plate is 7 ABC 123", "7ABC123"), ("zulu yankee", "ZY"),
]


@pytest.mark.parametrize(("said", "symbols"), ES)
def test_driver_spells_plate_in_spanish(said: str, symbols: str) -> None:
    assert spell(said, "es-MX") == symbols


@pytest.mark.parametrize(("said", "symbols"), EN)
def test_driver_spells_plate_in_english(said: str, symbols: str) -> None:
    assert spell(said, "en-US") == symbols


@pytest.mark.parametrize("said", ["Y flota bien.", "sí", "Hola", "", "   ", "¿Por qué te tardas tanto?",
                                  "las placas", "no sé"])
def test_nothing_plate_like_gives_empty(said: str) -> None:
    assert spell(said, "es") == ""


def test_a_bug_in_the_reader_reads_as_nothing_spelled_and_is_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str, lang: str) -> str:
        raise IndexError("a rule read past the end")

    monkeypatch.setattr("daisy.understanding.spelling.symbols", broken)
    with caplog.at_level(logging.WARNING, logger="daisy.understanding.spelling"):
        assert spell("a de árbol, uno, dos", "es") == ""
    [record] = caplog.records
    assert "a de árbol" in record.getMessage() and record.exc_info is not None


def test_any_key_word_counts_even_unusual_ones() -> None:
    assert spell("A de Aguascalientes, jota de Jitomate", "es") == "AJ"
    assert spell("Pe de Perico", "es") == "P"


def test_complete_plate_needs_letters_and_digits_six_to_eight() -> None:
    assert looks_complete_plate("MNA1480")
    assert looks_complete_plate("12AB3C")
    assert looks_complete_plate("WYZ128")
    assert not looks_complete_plate("WYZ")
    assert not looks_complete_plate("128")
    assert not looks_complete_plate("ABCDEF")
    assert not looks_complete_plate("AB12")


def test_read_back_with_key_words() -> None:
    assert say_symbols("TZ40", "es-MX") == "T de Tigre, Z de Zapato, cuatro, cero"
    assert say_symbols("TZ40", "en-US") == "T as in Tango, Z as in Zulu, four, zero"


def test_number_word_as_key_word() -> None:
    assert spell("de de dos, ese de seis", "es") == "DS"


def test_i_latina_is_i() -> None:
    assert spell("i latina", "es") == "I"


def test_pronouns_are_not_letters() -> None:
    assert spell("no sé", "es") == ""
    assert spell("ya te lo di", "es") == ""


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("son ve de veracruz, Y de Yegua, e de ensenada, seis cuarentaicinco", "VYE645"),
     ("Letrate, Victor, Y guion ocho siete cero cuatro.", "TVY8704"), ("la y", "Y"), ("Y.", "Y"),
     ("A, B y C", "ABC")],
)
def test_y_is_a_letter_when_clearly_spelled(said: str, symbols: str) -> None:
    assert spell(said, "es") == symbols


def test_question_is_not_a_piece_of_plate() -> None:
    assert spell("¿De dónde me hablas?", "es") == ""
    assert spell("Who is this?", "en") == ""


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("three oh oh", "300"), ("Nine thousand eight hundred sixty eight.", "9868"), ("seventy oh oh", "7000"),
     ("U, M, B dash nine eight six eight.", "UMB9868")],
)
def test_english_zeros_and_thousands(said: str, symbols: str) -> None:
    assert spell(said, "en") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("kaka kiosko", "K"), ("ee ensenada", "E"), ("uu uno", "U"), ("be de bueno", "B"),
     ("letra be chica", "V"), ("letrabechica", "V"), ("ka ve chica E", "KVE"),
     ("U be grande ve bota", "UB"), ("ekis siete", "X7"), ("lectra eme", "M"),
     ("Bravo Bravo", "BB"), ("Y erre guion 619", "YR619"), ("Y letra eme", "YM"),
     ("ese sapo", "S"),
     # the size tells B from V, whichever the recognizer wrote for the letter and its key word
     ("a ve grande de verco ocho", "AB8"), ("be chica de burro cinco", "V5"),
     # ...and says the letter was B or V whatever short word was heard for its name
     ("ene de naranja de grande de barco nueve", "NB9"), ("de chica de vaca", "V"),
     # a key word heard as its letter alone, then a letter whose name was lost before its "de"
     ("I. de I. Guana N. de N. de Avión L. de Luna", "INAL")],
)
def test_more_damaged_and_mexican_letter_forms(said: str, symbols: str) -> None:
    assert spell(said, "es") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("N, November, letter Z, two thirty", "NNZ230"), ("B as in Boy, O, zero seventy", "BO070"),
     ("O like Ocean, Romeo, double eight eight", "OR888"), ("Victor F G oh double six one", "VFG0661"),
     ("plates are O for Oscar, U for Uniform", "OU"), ("letter L Lima M dash seven sixty two", "LLM762")],
)
def test_english_letters_o_and_nato(said: str, symbols: str) -> None:
    assert spell(said, "en") == symbols


def test_a_nato_key_word_decides_an_english_letter_name_heard_wrong() -> None:
    # "D for Delta" heard "V for delta": the letter names B, C, D, E, G, P, T, V, Z sound alike on a
    # phone line, the NATO word after "for" does not (a NATO word said as the letter is no key word)
    assert spell("V for delta, H like hotel, N like Nancy 3776", "en") == "DHN3776"
    assert spell("Bravo, Charlie, 1 2 3 4", "en") == "BC1234"


def test_are_after_plates_bent_into_another_plural_is_no_letter_r() -> None:
    # "Plates are …" heard "Trades are …": the "are" is the verb, not the letter R
    assert spell("Trades are Juliett Hotel Juliett nine double eight", "en") == "JHJ988"


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("se te ka 0 cincuenta y seis", "CTK056"), ("Y D de Delfín T de Toro seis cinco seis", "YDT656"),
     ("equis letrate te 45 sesenta y nueve", "XTT4569"), ("hache hotel", "H"),
     ("letra hache Hotel litra ache", "HHH"), ("C Charlie", "CC")],
)
def test_letter_runs_that_look_like_words(said: str, symbols: str) -> None:
    assert spell(said, "es") == symbols


@pytest.mark.parametrize(
    ("said", "lang", "symbols"),
    [("Son tres letras y tres números: A, B, C, 1, 2, 3", "es", "ABC123"),
     ("la placa es de Jalisco: JKL-123-A", "es", "JKL123A"),
     ("it's three letters: A B C then one two three", "en", "ABC123"),
     ("de ese se seis tres siete", "es", "DSC637"), ("es de de dado", "es", "D")],
)
def test_counts_and_places_are_not_symbols(said: str, lang: str, symbols: str) -> None:
    assert spell(said, lang) == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("abc 123", "ABC123"), ("las placas son abc 123", "ABC123"), ("abc-1234", "ABC1234"), ("son 123", "123"),
     ("por 123", "123")],
)
def test_recognizer_writes_plate_letters_in_lowercase(said: str, symbols: str) -> None:
    assert spell(said, "es") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("A B C one two for", "ABC124"), ("seven for two", "742"), ("F for Frank 1 2", "F12"),
     ("1 to 3", "123")],
)
def test_english_homophones_among_digits(said: str, symbols: str) -> None:
    assert spell(said, "en") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("X-ray Mike nine four time time time", "XM94555"), ("Bravo Sierra six times three eight", "BS6538"),
     ("eight nine Papa Echo Time Golf", "89PE5G"), ("it's time for three one", "5431"),
     ("time thirty four sixty three", "53463"), ("W like William, dash Evan two six four", "W7264"),
     ("two four nine time famine", "24957"), ("Tango, Wern, Lerop, Hive", "T105"), ("Tango Nile", "T9"),
     ("H J three big six free", "HJ3663"), ("Tango three times two", "T352"),
     ("Charlie six Nero two", "C602"), ("it's heaven for heaven one time", "74715")],
)
def test_espeak_five_six_and_seven_written_as_words_are_digits_in_runs_beside_nato_words_and_first(
    said: str, symbols: str
) -> None:
    # Whisper base writes espeak-ng's "five" as "time", "seven" as "Evan" (made-up sets 15-23): among
    # digits, beside a NATO word, or before a number; never "F for Foxtrot" nor "E like Evan", where
    # "for" is the connector and Evan the key word
    assert spell(said, "en") == symbols
    assert spell("F for Foxtrot, two for seven", "en") == "F247"
    assert spell("E like Evan two three four five", "en") == "E2345"



@pytest.mark.parametrize(
    ("said", "lang", "symbols"),
    [("doble ele", "es", "LL"), ("doble u", "es", "W"), ("double A", "en", "AA"), ("double u", "en", "W"),
     ("doble cero", "es", "00"), ("triple seven", "en", "777")],
)
def test_double_letters_and_digits(said: str, lang: str, symbols: str) -> None:
    assert spell(said, lang) == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("letra ka letra dole u y tres tres uno dos nueve", "KW33129"),
     ("nueve letra eme letra ve grande letra dole ve veinte", "9MBW20")],
)
def test_doble_heard_without_its_b_still_names_w(said: str, symbols: str) -> None:
    assert spell(said, "es") == symbols


def test_de_after_guion_is_the_letter_d() -> None:
    assert spell("diecinueve guion letra u ye de Yolanda guion cero guion de", "es") == "19UY0D"
    assert spell("Y ee ensenada guion sesenta y dos sesenta y nueve", "es") == "YE6269"


def test_english_for_before_a_dash_or_leading_with_a_comma_is_four() -> None:
    # Kokoro's "four dash Zulu Bravo Juliett dash eighty six" on the line; no key word follows that "for"
    assert spell("for Dash Zulu Bravo, Juliet, Dash 86.", "en") == "4ZBJ86"
    assert spell("For, C like Charles, H for House", "en") == "4CH"
    assert spell("B for Bravo, C for Charlie", "en") == "BC"


def test_english_oh_oh_is_two_zeros() -> None:
    assert spell("oh oh, letter S, K as in King, five, S like Sam", "en") == "00SK5S"


@pytest.mark.parametrize(
    ("said", "symbols"),
    [
        ("le trae hache, ele, siete siete tres", "HL773"),
        ("Litra ele le trae zeta 29474.", "LZ29474"),
        ("Letraele, le trae doble u, ocho cuatro cinco, le trae ele", "LW845L"),
        ("Mira, es le trae erre, le trae ge, Areamor, trescientos cincuenta y tres", "RGA353"),
        ("Litra ka, le trae ve chica, seiscientos setenta y siete, Litra ene.", "KV677N"),
        ("le trae eme, Litra ese, Letraa, 704, Litra zeta", "MSA704Z"),
    ],
)
def test_damaged_letra_heard_as_le_trae_before_a_letter_name(said: str, symbols: str) -> None:
    assert spell(said, "es-MX") == symbols


def test_letra_heard_with_its_l_flapped_to_r_before_a_letter() -> None:
    assert spell("mira retra equis retra y ocho ocho cuatro siete", "es-MX") == "XY8847"
    assert spell("re trae eme catorce", "es-MX") == "M14"
    assert "letra" not in normalize("me voy a retrasar una hora")


def test_letra_heard_with_its_l_as_an_m_and_ese_cut_after_its_e() -> None:
    # Kokoro's "cero, letra ese, letra ese, letra E, cero tres" on the line
    assert spell("cero le trae se me trae se me trae cero tres", "es-MX") == "0SSE03"
    assert spell("me trate", "es-MX") == "T"
    assert spell("me traye me traú ve treinta y uno", "es-MX") == "YV31"  # letra ye, letra uve (Kokoro)
    assert spell("es le trae le trae se y siete doble dos tres", "es-MX") == "ES7223"
    assert spell("las placas son letra ece letra de y mil setecientos", "es-MX") == "SD1700"  # ese, c as s
    # ...but a caller's own words with "me tra" in them stay words
    assert "letra" not in normalize("me transfieres con alguien")
    assert "letra" not in normalize("me trajeron la caja tarde")


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("Litra pe, le trae e", "PE"), ("97 Letrade le trae e 6", "97DE6"), ("Le traen.", "N"),
     ("letrae catorce ochenta", "E1480")],
)
def test_le_trae_alone_or_before_digits_keeps_the_letter_e(said: str, symbols: str) -> None:
    assert spell(said, "es-MX") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("Son JDR-186-Y", "JDR186Y"), ("JDR 186-Y", "JDR186Y"), ("RYJ-4000-Y", "RYJ4000Y"),
     ("jdr-186-y", "JDR186Y"), ("Y-4000-RYJ", "Y4000RYJ"), ("cinco-y-seis", "56")],
)
def test_y_joined_to_a_plate_by_a_dash_is_the_letter(said: str, symbols: str) -> None:
    assert spell(said, "es-MX") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("De dado", "D"), ("Te Tampico", "T"), ("Son De Durango, Letradobleu, ochocientos tres", "DW803"),
     ("Son Litra ye De Daniel", "YD"), ("Son De Dedo, Letraigriega, Te Tomás", "DYT"),
     ("O Oaxaca, 123", "O123")],
)
def test_letter_heard_without_its_de_before_the_key_word(said: str, symbols: str) -> None:
    assert spell(said, "es-MX") == symbols


@pytest.mark.parametrize("said", ["¿De dónde me hablas?", "De dónde", "Te tardaste.", "ya te lo di"])
def test_function_words_before_a_same_initial_word_are_not_letters(said: str) -> None:
    assert spell(said, "es-MX") == ""


@pytest.mark.parametrize(
    ("said", "lang", "symbols"),
    [("Las placas son del estado de Nuevo León, ABC 1234", "es", "ABC1234"),
     ("son de Nuevo León ABC 1234", "es", "ABC1234"), ("son del estado de México, JKL 123", "es", "JKL123"),
     ("plates from the state of Texas, ABC 1234", "en", "ABC1234"), ("Jota de Jalisco", "es", "J"),
     ("ese de Sonora", "es", "S")],
)
def test_state_the_plates_are_from_is_filler(said: str, lang: str, symbols: str) -> None:
    assert spell(said, lang) == symbols


@pytest.mark.parametrize(
    ("said", "lang", "symbols"),
    [("dos veces la ele, doce", "es", "LL12"), ("ele dos veces, doce", "es", "LL12"),
     ("tres veces el cinco", "es", "555"), ("twice A, one two three", "en", "AA123"),
     ("A twice, one two three", "en", "AA123"), ("double A, one two three", "en", "AA123"),
     ("triple a, doce", "es", "AAA12"), ("seven three times, A", "en", "777A")],
)
def test_letter_said_with_how_many_times(said: str, lang: str, symbols: str) -> None:
    assert spell(said, lang) == symbols


def test_letter_after_letra_te_is_spelling_not_a_pronoun() -> None:
    assert spell("Letrate Ese Sonora le trae hache 7", "es-MX") == "TSH7"


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("Letraehache", "H"), ("Letraeka, 5", "K5"), ("Le trae Hotel", "H"), ("Letraeerre", "R"),
     ("Letraeme", "M"), ("Letraene", "N"), ("Letraese", "S")],
)
def test_glued_letrae_before_a_letter_name(said: str, symbols: str) -> None:
    assert spell(said, "es-MX") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("ABC 123, a be ce uno dos tres", "ABC123"), ("ele ele", "LL"), ("doce doce", "1212"),
     ("cuatro cuatro cuatro cuatro cuatro cuatro", "444444")],
)
def test_plate_said_twice_in_one_answer_counts_once(said: str, symbols: str) -> None:
    assert spell(said, "es-MX") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("letrae U de Úrsula letra Y y doscientos veintidós", "EUY222"),
     ("letra S, le tra de, letrae y 1146", "SDE1146")],
)
def test_glued_letrae_then_a_letter_is_the_letter_e(said: str, symbols: str) -> None:
    assert spell(said, "es-MX") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("It's oh Y as in yellow Delta X-ray seven seven oh", "0YDX770"),
     ("oh, Y, D as in Delta, X like x-ray, seven seven oh", "0YDX770"), ("oh as in Oscar, bravo, 12", "OB12"),
     ("oh, Y, D, X, 770", "OYDX770")],
)
def test_bare_oh_is_zero_when_the_caller_keys_their_letters(said: str, symbols: str) -> None:
    assert spell(said, "en-US") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("el cinto", "5"), ("Cenecara, cinto, cinto, cinto", "C555"), ("ochenta y cinto", "85"),
     ("cinto mil setecientos 40", "5740"), ("el huele", "9"), ("ka de Kilo, tiete, uno", "K71"),
     ("ene equis mosa tres cinco mosa", "NX2352"), ("letra u letra ex letra e seis nove cuatro", "UXE694"),
     ("cinco mil trescientos ochenta y nove", "5389")],
)
def test_espeak_spanish_digits_written_as_words_no_one_puts_in_a_plate_are_digits(
    said: str, symbols: str
) -> None:
    # Whisper base writes espeak-ng's "cinco", "nueve", "siete", "dos" as "cinto", "huele", "tiete",
    # "mosa" (made-up sets 13-23), Kokoro's "nueve" as "nove" (sets 62-66)
    assert spell(said, "es") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("Oh, two, R-Ranin Robert, F-Ranin Fox, zero, G-Like Golf.", "02RF0G"),
     ("F. Asin Fox, L. for Lima, 4898.", "FL4898")],
)
def test_an_english_as_in_written_as_a_word_of_its_own_is_the_connector(said: str, symbols: str) -> None:
    # espeak-ng's "R as in Robert" heard "R-Ranin Robert" (made-up set 65): between a letter and a key
    # word of that letter; "Like" beside NATO words stays the connector, not Mike
    assert spell(said, "en") == symbols


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("Fates are 12 W as in water all as in red 9 J for Jack", "12WR9J"),
     ("Peel like Papa B for Baker 42", "PB42"),
     ("seven why for Yankee 3 am in green", "7Y3G")],
)
def test_an_english_letter_name_written_as_a_word_is_its_key_words_letter(said: str, symbols: str) -> None:
    # Kokoro's "R as in red" heard "all as in red" (made-up set 66): the key word says which letter.
    # Letters written together, numbers and a place after a bare "in" are no such word.
    assert spell(said, "en") == symbols
    assert spell("I like MNF for Frank 33216", "en") != spell("I like F for Frank 33216", "en")
    assert "T" not in spell("my plates in Texas are B like boy 1 2 3", "en")
    assert spell("three for Bravo 5", "en") == "3B5"


@pytest.mark.parametrize(
    ("said", "symbols"),
    [("and like Nora I as an Alpha 6015", "NA6015"),
     ("45 dash B for Victor. You like uniform dash four dash and like Nancy", "45VU4N"),
     ("O like Adam J like J X as an X-ray dash three hundred thirteen", "AJX313")],
)
def test_n_heard_as_and_before_its_key_word_and_as_in_heard_as_an(said: str, symbols: str) -> None:
    # Piper's and espeak-ng's "N like Nora" comes out "and like Nora", "as in" "as an" (made-up sets
    # 19-25); "and" before a number stays a word
    assert spell(said, "en") == symbols
    assert spell("four and like nine five", "en") == "495"


@pytest.mark.parametrize(
    ("heard", "lang", "plate"),
    [("letter double letter F two eight six three", "en", "WF2863"),
     ("letra doble, letra efe 2863", "es", "WF2863"), ("letter double L 2863", "en", "LL2863")],
)
def test_double_after_letter_is_w_with_its_u_lost_never_a_d(heard: str, lang: str, plate: str) -> None:
    # espeak-ng's "letter W, letter F" heard "letter double letter F": it had stored DF2863 (set 35)
    assert spell(heard, lang) == plate
