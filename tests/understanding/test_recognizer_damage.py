"""Recognizer damage a person would still read: digits glued to number words, hundreds written
apart, mangled letter names, radio digits, a letter's own name heard where "de" was said."""

from __future__ import annotations

from datetime import datetime

import pytest

from daisy.understanding import reader

NOW = datetime(2026, 3, 2, 10, 0)


@pytest.mark.parametrize(
    ("said", "lang", "value"),
    [
        ("trescientos9", "es-MX", "309"),
        ("nueve milo centa y dos", "es-MX", "9082"),  # Kokoro's "ochenta" as "o centa", its o run into "mil"
        ("guiono centa y nueve", "es-MX", "89"),  # ...or into a "guion" (espeak-ng, made-up set 53)
        ("el cuatrocientos 18", "es-MX", "418"),
        ("sesenta y 4 doce", "es-MX", "6412"),
        ("ocho cientos treinta", "es-MX", "830"),
        ("siete cientos uno", "es-MX", "701"),
        ("cinco sientos cuarenta", "es-MX", "540"),
        ("nueve cientas", "es-MX", "900"),
        ("six hundred4", "en-US", "604"),
        ("niner fower tree", "en-US", "943"),
        ("wun fife zero", "en-US", "150"),
        # a long number word misspelled the way Whisper writes it on a phone line
        ("cinquenta y ocho", "es-MX", "58"),
        ("el veinticuato", "es-MX", "24"),
        # a teen written with Portuguese's z (Kokoro's Spanish, made-up sets 62-70)
        ("quinze", "es-MX", "15"),
        ("onze cero tres", "es-MX", "1103"),
        # the tens written in digits, the unit said on ("ochenta y uno" heard "80, y uno")
        ("80 y uno", "es-MX", "81"),
        # a digit word bent among digits said one by one: "tres" without its s, "seis" heard "veis"
        ("el nueve ocho tre seis cinco", "es-MX", "98365"),
        ("ocho veis cinco", "es-MX", "865"),
        # "dos" without its s, before a digit, after a digit or a key word
        ("cinco cuatro do cero", "es-MX", "5420"),
        ("tenetaco do cero", "es-MX", "T20"),
        ("ocho twarenta y siete", "es-MX", "847"),  # "cuarenta" as a synthetic voice's "twarenta"
        # a tens word's first sounds bent, before "y" and a unit (espeak-ng, made-up sets 53-59)
        ("varenta y ocho", "es-MX", "48"),
        ("fecenta y ocho", "es-MX", "68"),
        ("el 30 y 2", "es-MX", "32"),
        # "four" written "for" right after the number's NATO letter ("C for Charlie" stays a key word)
        ("Tango for seven three", "en-US", "T473"),
        ("C for Charlie eight four six", "en-US", "C846"),
    ],
)
def test_fleet_numbers_through_recognizer_damage(said: str, lang: str, value: str) -> None:
    assert reader.read_value("number", said, lang, NOW) == value


def test_a_word_like_a_bent_tens_word_stays_a_word_unless_a_unit_follows_with_y() -> None:
    # "veventa": as near setenta as sesenta, so neither; "tormenta": no tens word sounds as its rest
    assert reader.read_value("number", "veventa y nueve", "es-MX", NOW) == "9"
    assert reader.read_value("number", "tormenta y dos", "es-MX", NOW) == "2"
    assert reader.read_value("number", "varenta ocho", "es-MX", NOW) == "8"
    assert reader.read_value("email", "Al cantar fecenta y ocho arrola hotmail punto com.", "es-MX",
                             NOW) == "alcantar68@hotmail.com"


@pytest.mark.parametrize(
    ("said", "lang", "plate"),
    [
        ("eckis, ceda, 3 1 7 hota", "es-MX", "XZ317J"),
        ("herre, heme, zetta, 4 0 9", "es-MX", "RMZ409"),
        # a synthetic voice's "jota" (its velar "j" heard as an "s")
        ("el eme lube sota me sos el eme rancho cuatro los ocho", "es-MX", "LJR428"),
        ("Pe Pe Puebla, ele, 5 5 2 1", "es-MX", "PL5521"),
        ("las placas son Eme Eme Monterrey ka 8 8 1", "es-MX", "MK881"),
        ("ecks, arr, 7 7 2, dubya", "en-US", "XR772W"),
        # letters are feminine ("la eme"): "el" before a letter name is "ele" cut short
        ("el eme catorce ochenta", "es-MX", "LM1480"),
        # two names ending and starting in "e" run together: "ene eme" heard "ene me"
        ("ene me, catorce ochenta", "es-MX", "NM1480"),
        ("mira, ve grande de bueno, ene de naranja, dos cero cuatro ocho", "es-MX", "BN2048"),
        # letter names heard as words no plate holds: "ka" as the verb "cae", "eme" cut to "em",
        # "hache" as "hace" before its key word (the H silent), a "dos" cut short between digits
        ("las placas son em y griega cae cinco cuatro dos cero", "es-MX", "MYK5420"),
        ("letra e me letra y letra cae cinco cuatro do cero", "es-MX", "MYK5420"),
        ("hace de ormiga cada kilómetro y cuarenta y siete mil diecisiete", "es-MX", "HK47017"),
        ("llé de llégua, ele de llave, cinco cuatro tres dos", "es-MX", "YL5432"),  # ye de Yegua
        # ...a letter's name run into the "letra" after it, or heard as a word after "letra"
        ("letra caletra hace letra vez cinco cinco ocho", "es-MX", "KHV558"),
        # ...after a "letra" bent ("le trae hace"), or with the r of "letra" dropped ("leta c")
        ("le trae se le trae hace uno ocho cuatro dos", "es-MX", "SH1842"),
        # a vowel's name glued to its "de" with the h the recognizer writes before it
        ("hide irapuato ele de luna tres dos", "es-MX", "IL32"),
        # an e-name with its first vowel heard twice (Kokoro's "letra erre, letra ene")
        ("letra eere letra eene letra u guion dos uno cinco", "es-MX", "RNU215"),
        ("letra e me leta c siete cuatro cuatro nueve", "es-MX", "MC7449"),
        # "letra efe" cut after its first vowel
        ("letra a fe letra ve letra je ocho uno siete", "es-MX", "FVG817"),
        # a name run into its "de" before a key word; a clear name ("equis") over a bent key word
        ("dede tomate equis de salapa ve grande de bolívar tres siete cero", "es-MX", "TXB370"),
        # "seta" is how Mexicans say zeta: the name decides over a bent key word
        ("seta de san aoria u de usla i griega de llevo ochocientos sesenta y cuatro", "es-MX", "ZUY864"),
        # the key word split after its first vowel
        ("be de bueno a de a capulco peré pato seiscientos ochenta y uno", "es-MX", "BAP681"),
        # a letter name cut to its consonant and run into its "de" and key word ("ge de gato")
        ("efe de felipe ve de bota gregato ocho uno siete", "es-MX", "FBG817"),
        # "de" heard as a nasal syllable, before a key word of the letter's sound or after a clear name
        ("te me toluca, a me acapulco, uno dos tres", "es-MX", "TA123"),
        ("be ne bolívar, erre ne ratón, cinco siete uno", "es-MX", "BR571"),
        ("jota me caro eme ene monte, cuatro cero", "es-MX", "JM40"),
        # ...and before a key word of another letter it is still the "de": the key word decides, as
        # after a "de" heard right ("erre de Rosa" heard "el ene rosa"; "pe de Pato" heard "ene pato")
        ("el ene lube jota me cae con el ene rosa cuatro dos ocho", "es-MX", "LJR428"),
        ("ene pato jota de jarro ele de luna dos nueve uno dos", "es-MX", "PJL2912"),
        ("te ene nayarit, cinco", "es-MX", "TN5"),  # a nasal with its own key word is the letter
        # a letter name cut short and run into its "de": what is left of the name agrees with the key
        ("el edelupe jodejaro pe de perro nueve cero cinco", "es-MX", "LJP905"),
        ("las placas son de dedado pere puebla te de toluka nueve siete seis ocho", "es-MX", "DPT9768"),
        ("ese decilla ve chica de veracruz erre de rosa tres cero nueve", "es-MX", "SVR309"),
        ("jota dejaron, ele de luna, dos", "es-MX", "JL2"),
        # ...or bent into another sound before its "e" ("que" for pe, the Mexican ge written "he")
        ("el edelupe jodejaro quede pero nueve cero cinco", "es-MX", "LJP905"),
        ("ele de limón jota de jabón que de puebla y novecientos cinco", "es-MX", "LJP905"),  # ...apart
        # a key word written apart before its last vowel ("llego a" for Yegua); a vowel said as a letter
        # stays one
        ("equis de salapa i griega de llego a ocho ocho cuatro siete", "es-MX", "XY8847"),
        ("equis de xalapa, a, ocho ocho", "es-MX", "XA88"),
        # X written for "equis": Mexico's X key words start with the s or j sound (Xalapa, Xilófono)
        ("noventa y nueve ene de Nayarit X de Salapa dos efe de Felipe.", "es-MX", "99NX2F"),
        ("nueve nueve ene de nallari x de cilofono dos", "es-MX", "99NX2"),
        ("x de casa uno dos tres", "es-MX", "C123"),  # a key word of another sound decides
        ("ele de luna ude uruapan, hede gay, ode oaxaca", "es-MX", "LUGO"),
        ("ene de naranja adiacapulco bede victoria areana", "es-MX", "NAVA"),  # "de" heard "di" or "re"
        # "dos" heard "los" / "nos" among digits said one by one
        ("ele de lupe, cuatro, los, ocho", "es-MX", "L428"),
        ("equis ye, cuatro nos ocho", "es-MX", "XY428"),
        # a key word split after its first syllable: "Nopal" heard "no pal" (no correction)
        ("ene de no pal, a de avión, tres cuatro cinco", "es-MX", "NA345"),
        # "be de Bota" run together into the word "verde": the key word after it gives the letter
        ("te detaco equis de cilófono verde bota tres siete cero", "es-MX", "TXB370"),
        # "eight" heard as the letter H by a caller who spells letters with NATO words
        ("X-ray H7 Charlie Echo Echo", "en-US", "X87CEE"),
        ("Juliet Mike Echo H 7 7", "en-US", "JME877"),
        ("X-ray A1 Mike X-ray Charlie", "en-US", "X81MXC"),  # ...or as the letter A
        # "letter" heard as "zero" before the letters it names ("letter N, letter H, …")
        ("zero N, zero H, 8863.", "en-US", "NH8863"),
        # "five" heard "time" and "six" heard "fix" among the digits (or closing them)
        ("Sierra Kilo Foxtrot time six time", "en-US", "SKF565"),
        ("Juliett Lima Delta four three time", "en-US", "JLD435"),
        ("Tango Alfa nine fix one", "en-US", "TA961"),
        ("zero G, K, 7167.", "en-US", "GK7167"),
        ("zero, K, H, W, ninety one", "en-US", "0KHW91"),  # ...but a zero said apart is the digit
        ("one zero A B 123", "en-US", "10AB123"),  # ...but a zero among digits is the digit
    ],
)
def test_plates_through_mangled_letter_names(said: str, lang: str, plate: str) -> None:
    assert reader.read_piece("plate", said, lang) == plate


def test_a_letter_said_twice_with_a_comma_is_two_letters() -> None:
    assert reader.read_piece("plate", "te, te, 4 5 1 ka", "es-MX") == "TT451K"


@pytest.mark.parametrize(
    ("said", "address"),
    [
        ("ve chica, a, ele, e, arroba gmail punto com", "vale@gmail.com"),
        ("be grande e te o punto ruiz arroba hotmail punto com", "beto.ruiz@hotmail.com"),
    ],
)
def test_an_address_spelled_with_be_grande_and_ve_chica(said: str, address: str) -> None:
    assert reader.read_value("email", said, "es-MX", NOW) == address


def test_an_address_spelled_with_key_words_run_into_their_letters_is_read_as_spelled() -> None:
    # "adeana", "adeahuacate": a de Ana, a de Aguacate heard as one word each still tell it is spelled
    heard = "Ache de Iralgo, emere manzana, adeana, te retaco, adeahuacate arroba live punto com, punto mx."
    assert reader.read_value("email", heard, "es-MX", NOW) == "hmata@live.com.mx"


@pytest.mark.parametrize(
    ("kind", "said", "value"),
    [
        ("number", "el quarenta y ocho once", "4811"),
        ("plate", "e le, e fe, 7 7 2 9", "LF7729"),
        ("plate", "e rre e ne 3 0 4 1", "RN3041"),
        ("email", "lupe arroba yahoo punto com, arroba yahoo punto com", "lupe@yahoo.com"),
    ],
)
def test_words_the_recognizer_cut_spelled_or_repeated(kind: str, said: str, value: str) -> None:
    if kind == "plate":
        assert reader.read_piece(kind, said, "es-MX") == value
    else:
        assert reader.read_value(kind, said, "es-MX", NOW) == value


def test_a_letter_name_run_into_its_de_is_still_spelling_with_a_key_word() -> None:
    from daisy.understanding import spelling

    # "pe de Paco" written "pere paco", "pe de Parco" written "pede parco"
    assert spelling.spell("ge de gloria pede parco cero ocho dos cuatro", "es-MX") == "GP0824"
    assert spelling.spell("de de dado pere pato nueve siete", "es-MX") == "DP97"
    assert spelling.spell("la sede de la empresa uno dos", "es-MX") == "12"  # a word, not a letter


def test_a_vowel_run_into_the_number_before_it_is_still_that_number_and_that_letter() -> None:
    from daisy.understanding import spelling

    # "tres, dos, a de Avión, …" heard with the A glued to the two
    assert spelling.spell("tres dosa de avión huve de venado cero quede pato", "es-MX") == "32AV0P"
    assert spelling.spell("cincoe de escuela ocho", "es-MX") == "5E8"
    assert spelling.spell("una de arbol dos", "es-MX") != "1A2"  # "una" is a number word of its own
    assert spelling.spell("dosa de burro", "es-MX") != "2AB"  # the key word is no A's


def test_a_letter_name_de_and_key_word_run_into_one_word_is_that_letter() -> None:
    from daisy.understanding import reader

    # "ge de Gato, a de Avión, erre de Ratón, zeta de Zamora, a de Ana" as Whisper wrote it
    heard = "Héctor Manuel Gé de Gato Adéavión Erederatón Zeta de Zamora Adéana"
    assert reader.read_letters(heard, "es-MX", longest=20) == "GARZA"


def test_every_given_name_before_a_spelled_surname_is_kept() -> None:
    from daisy.understanding import reader

    assert reader.given_name_said("Héctor Manuel: ge de Gato, a de Avión", "es-MX") == "Héctor Manuel"
    assert reader.given_name_said("Tyler, Victor, Alpha, November, Charlie, Echo", "en-US") == "Tyler"


def test_the_first_surname_said_before_the_spelled_second_one_is_kept() -> None:
    from daisy.understanding import reader

    # a Mexican driver says the first surname and spells the second; Whisper bends a word or two
    heard = "Olíver Espataco Ureña Que de Paco Y de Iglesia N de Naranja"
    # (written as the Mexican lists write the name, not with the accent Whisper put on it)
    assert reader.given_name_said(heard, "es-MX") == "Óliver Espartaco Ureña"
    heard = "Tania Ariaga, Belgrande de Bueno, e de Escuela"  # the trill of Arriaga heard as one r
    assert reader.given_name_said(heard, "es-MX") == "Tania Arriaga"
    assert reader.given_name_said("Mi nombre es Héctor Manuel, ge de Gato", "es-MX") == "Héctor Manuel"


@pytest.mark.parametrize(
    ("heard", "letters"),
    [
        # Kokoro's "porfirio punto badillo" spelled (made-up set 53): "ele de Limón" heard "hide limón",
        # "de de Dado" heard "dedado"; the key word decides, as after a vowel's name said apart
        ("vede barco adeana, dedado, hide isla, hide limón, hide limón, o de olivia", "BADILLO"),
        ("hide irapuato", "I"),
        ("heredera ton", ""),  # erre de Ratón bent: no E nor D (its key word's first syllable ran in)
        ("veventa y nueve", "9"),  # "setenta" bent: no "ve de venta"
        # Kokoro's "te" heard "tre" (as in "trete tomate"), run into its "de" and key word (made-up set 83)
        ("cinco siete tredetaco pede puebla ocho hache de hotel", "57TP8H"),
        # Kokoro's "zeta de Zacatecas, e de Ensenada, ele de Luna…" (made-up set 81): the key word's first
        # vowel heard once, its consonant with the "de"
        ("Zeta de Zacatecas Eden Senada Ele de Luna Adéavión Y Griega de Yucatán Adéana", "ZELAYA"),
    ],
)
def test_a_letter_name_bent_or_run_into_its_key_word_is_the_key_words_letter(
        heard: str, letters: str) -> None:
    from daisy.understanding import spelling

    assert spelling.spell(heard, "es-MX") == letters


def test_the_spelling_run_into_words_is_no_part_of_the_name_said_before_it() -> None:
    from daisy.understanding import reader

    heard = "Evelio Tedetaco Erederatón Udeuno J. de Juárez"  # te de Taco, erre de Ratón, u de Uno
    assert reader.given_name_said(heard, "es-MX") == "Evelio"
    # a letter name run into its "de" before the key word ("Heredé Rancho": erre de Rancho; "Ubedevaso":
    # uve de Vaso, its v heard b)
    heard = "Cristóbal Paola Alcántal Heredé Rancho Odeolivia Dedetiana Adéavión Heredé Rosa Tedetoro"
    assert reader.given_name_said(heard, "es-MX") == "Cristobal Paola Alcántar"  # (the lists' spelling)
    # (de de Diana heard "Dedetiana": D's name run into its key word, the "de" between them lost)
    assert reader.read_letters(heard, "es-MX", longest=20) == "RODART"
    heard = "Trinidad Manuel Ubedevaso Ede Estreía Ele de Leona de Avión"
    assert reader.given_name_said(heard, "es-MX") == "Trinidad Manuel"
    assert reader.read_letters(heard, "es-MX", longest=20) == "VELA"
    # ...and a name that starts with an e heard without it ("Lede León": ele de León)
    heard = "Jerónimo Ceja Cetadezoro Ede Enrique Lede León Adeaca Pulco Lede Yolanda Adeana"
    letters = reader.read_letters(heard, "es-MX", longest=20)
    assert letters == "ZELAA"  # (ye de Yolanda heard "Lede Yolanda": a letter and a key at odds)
    assert reader.name_from_letters(letters, "es-MX", heard=True) == "Zelaya"
    assert reader.given_name_said("Duviver dusco, be grande de vota", "es-MX") == "Duviver Dusco"
    # the letter's name run into its "de" before the key word, apart from it ("e de Estrella")
    heard = "Clemente Aranda Ede Estrella S. de Sol P. de Pato I. de Iguana N. de Naranja"
    assert reader.given_name_said(heard, "es-MX") == "Clemente Aranda"
    # ...its "de" heard "da" ("Hereda Rancho", Kokoro, made-up set 24), before a key word of that letter
    heard = "Giorgina Sedecoche Adéavión Hereda Rancho Hereda Ratón I de Iglesia Ele de Limón Ele de Lupe"
    assert reader.read_letters(heard, "es-MX", longest=20) == "CARRILL"
    assert reader.words_before_spelling("Juan Hereda López") == ""  # no spelling there: Heredia bent


def test_a_name_heard_with_a_letter_lost_or_added_is_the_one_known_name_it_is_near() -> None:
    from daisy.understanding import name_lexicon

    assert name_lexicon.mend_word("Trujill") == "Trujillo"
    assert name_lexicon.mend_word("Espataco") == "Espartaco"
    assert name_lexicon.mend_word("Fletchr", "en") == "Fletcher"
    assert name_lexicon.mend_word("Ariaga", "en") == "Ariaga"  # Aliaga and Ariana are a letter off in place
    assert name_lexicon.mend_word("Alcántara") == "Alcántara"  # a known name is never changed


def test_a_spanish_name_written_as_it_sounds_is_the_one_known_name_that_sounds_so() -> None:
    from daisy.understanding import name_lexicon

    assert name_lexicon.mend_word("Ariaga") == "Arriaga"  # the trill heard as one r
    assert name_lexicon.mend_word("Castiyo") == "Castillo"
    assert name_lexicon.mend_word("Castiyo", "en") == "Castiyo"  # Spanish sounds, Spanish calls
    # a spelled surname short of its last letter: the name one letter longer, written as the call's
    # language writes it
    assert reader.name_from_letters("HERNANDE", "es", heard=True) == "Hernández"
    assert reader.name_from_letters("HERNANDE", "en", heard=True) == "Hernandez"
    assert name_lexicon.mend_word("Hakeline") == "Jaqueline"  # the j written h, as English writes it
    # of several that sound so, the one the Mexican lists know (Quirós is Spain's)
    assert name_lexicon.mend_word("Kiros") == "Quiroz"


def test_a_nato_word_after_a_spanish_letter_name_and_de_is_its_key_word() -> None:
    from daisy.understanding import spelling

    # "ele de Lima, eme de Monterrey, uno": Whisper wrote the letter names wrong, the key words right
    assert spelling.spell("ene de lima ene de montere y uno", "es-MX") == "LM1"
    assert spelling.spell("bravo de charlie", "es-MX") == "BDC"  # NATO words are letters themselves


def test_a_nato_word_written_as_the_spanish_word_it_sounds_like_is_that_nato_word() -> None:
    from daisy.understanding import spelling

    # a Spanish caller's "Sierra", "Mike", "Echo" written "cierra", "mique", "hecho"
    assert spelling.symbols("son cierra victor romeo y trecientos nueve", "es-MX") == "SVR309"
    assert spelling.symbols("hecho bravo guión ocho uno nueve seis", "es-MX") == "EB8196"
    # ...with the vowel a Spanish speaker adds after its last consonant, or split in two
    assert spelling.symbols("Tango Foxtrot uniformi siete cinquenta y uno", "es-MX") == "TFU751"
    assert spelling.symbols("romeo ex rai mi que nueve cuatro uno", "es-MX") == "RXM941"
    assert spelling.symbols("nueve charlie whisky al fa y setenta y cuatro", "es-MX") == "9CWA74"
    # ...or two of them in a row, each written as Spanish sounds ("llanke mi ke": Yankee, Mike)
    assert spelling.symbols("tres llanke mi ke y noventa y tres", "es-MX") == "3YM93"
    # ...and Whiskey with its last i lost
    assert spelling.symbols("kilo whiske y seis uno cuatro dos seis", "es-MX") == "KW61426"
    # ...or, beside two of them, a single sound off a shorter one ("domeo", "azulu"), but never a
    # digit word ("ocho" is a sound off Echo's "eko")
    assert spelling.symbols("uniform alfa domeo cero siete treinta y seis", "es-MX") == "UAR0736"
    assert spelling.symbols("es hecho azulu romeo y cinco mil cuatrocientos sesenta y tres", "es-MX") \
        == "EZR5463"
    assert spelling.symbols("alfa bravo ocho ocho uno", "es-MX") == "AB881"
    # ...or less one of its sounds ("gof": Golf; "hilo", its h silent: Kilo), unless that word is a
    # sound off a digit word ("cera" is cero, not Sierra less its i)
    assert spelling.symbols("nueve charlie victor gof setenta", "es-MX") == "9CVG70"
    assert spelling.symbols("cuatro y gol sierra papa y sesenta y cuatro", "es-MX") == "4GSP64"
    assert spelling.symbols("charlie hilo victor uno dos tres", "es-MX") == "CKV123"
    assert "S" not in spelling.symbols("alfa bravo cera uno dos", "es-MX")
    # ...or three short words that together sound like a long one ("ya en que": Yankee; "de el tal": Delta)
    assert spelling.symbols("ya en que kilo hecho guion dos mil cuatrocientos cuarenta", "es-MX") == "YKE2440"
    assert spelling.symbols("quilo whisky y en que guion ocho mil seiscientos cuarenta y nueve", "es-MX") \
        == "KWY8649"
    assert spelling.symbols("tango charlie de el tal, cuatro mil treinta y cuatro", "es-MX") == "TCD4034"
    # ...or run into the next one, or into a "guion" ("kilomique": Kokoro, made-up set 69)
    assert spelling.symbols("las placas son kilo kilomique ocho uno nueve seis", "es-MX") == "KKM8196"
    assert spelling.symbols("kilo papaguion cuarenta y ocho", "es-MX") == "KP48"


@pytest.mark.parametrize(
    ("heard", "symbols"),
    [("Hotel Echo No Member Delta", "HEND"),  # espeak-ng, made-up sets 62-72
     ("Juliett, Oscar, hotel, no member, Sierra, Oscar, no member", "JOHNSON"),
     # a "no" correcting stays one
     ("Echo, no, Mike", "M"), ("three, no, four", "4")],
)
def test_november_heard_as_no_and_a_word_beside_nato_words_is_november(heard: str, symbols: str) -> None:
    from daisy.understanding import spelling

    assert spelling.spell(heard, "en-US") == symbols
    # ...but only among other NATO words: otherwise it is the everyday word
    assert spelling.symbols("ya está hecho: a de Árbol, be de Burro, uno dos tres", "es-MX") == "AB123"


@pytest.mark.parametrize(
    ("heard", "value"),
    [
        # no Spanish word starts "st", "ns", "sc": the key word's first e went into the "de" before it
        ("ve chica de vaso edestreia jota de havón cero ocho cero seis", "VEJ0806"),
        ("uve de veracruz edense nada jota de jaro cero ocho cero seis", "VEJ0806"),
        ("a de árbol, e de scuela, uno dos tres", "AE123"),
        # ...or the "de" cut to its d
        ("ve chica de victoria ed enrique jota de jaro cero ocho cero seis", "VEJ0806"),
    ],
)
def test_e_and_a_key_word_that_starts_with_e_run_together_are_still_e(heard: str, value: str) -> None:
    assert reader.read_value("plate", heard, "es-MX", NOW) == value


@pytest.mark.parametrize(
    ("heard", "kind", "value"),
    [
        # a letter name, its "de" heard as a nasal and its key word, run together
        ("tenetoluka siete seis dos", "number", "T762"),
        # ...or the name and its nasal "de" as one word, the key word apart (espeak-ng's Spanish)
        ("kane koala ene estuela ene ene nule tres ocho cuatro", "plate", "KEN384"),
        ("tené tomate tres", "number", "T3"),
        ("vene perro nueve dos", "number", "P92"),
        # "e de Escuela": its "de" heard as the l of another name that starts like E's
        ("ele escuela nueve seis nueve", "number", "E969"),
        ("se de Carmen ere ensinada uno dos tres", "plate", "CE123"),
        # ...or its d heard as an l ("hache de Hotel, a de Acapulco" on Kokoro's Spanish)
        ("es hache de ee algo aleaca pulco y on cinco tres tres dos seis", "plate", "HA53326"),
        ("hache de hotel aleacapulco cinco tres tres dos seis", "plate", "HA53326"),
        ("se le coche ocho cuatro seis", "number", "C846"),
        ("ese de sonora u de uno se le coche ocho nueve dos dos", "plate", "SUC8922"),
        # ...or as a t, run into the name ("ce de Coche" on Kokoro's Spanish): before a key word of it
        ("sete coches seis cinco cero", "number", "C650"),
        ("vete perro nueve dos", "number", "92"),
    ],
)
def test_a_de_heard_as_another_sound_still_joins_the_letter_and_its_key_word(
        heard: str, kind: str, value: str) -> None:
    assert reader.read_value(kind, heard, "es-MX", NOW) == value


@pytest.mark.parametrize(
    ("heard", "value"),
    [
        ("mira treinta uno letra ele letra efe cuatro letra aere", "31LF4R"),  # erre heard "aere"
        ("treinta y nueve ele de leon u ve doble de Walter cero i griega de jolanda", "39LW0Y"),  # uve doble
        ("uve doble cero ka uno dos tres", "V00K123"),  # ...but before a digit it is V and the double
        ("nueve letra eme letra ve grande letra u ve doble veinte", "9MBW20"),  # (after "letra", W)
        ("letra u letra u doble cuatro tres cero uno", "UW4301"),  # "letra u doble": W said the other way
        ("letra u doble letra a 1.396", "WA1396"),
        ("catorce u doble de waffle nueve", "14W9"),  # ...and so does W's key word after its "de"
        ("u doble de dado", "UDD"),  # (a key word of another letter: U, then "doble de")
    ],
)
def test_letter_names_of_r_and_w_as_other_speakers_say_them(heard: str, value: str) -> None:
    assert reader.read_value("plate", heard, "es-MX", NOW) == value


@pytest.mark.parametrize(
    ("heard", "value"),
    [
        ("diez ocho y letra ve letra ve y siete y letra ele", "18VV7L"),  # dieciocho split in two
        ("cero uno i delta fokstrock y cero y tango", "01DF0T"),  # "y" heard "i"; Foxtrot one sound off
        ("siete guion letra aere letra aene letra se guion ochenta y seis", "7RNC86"),  # a vowel before
        ("cero guion ex desilofono a de acapulco te de toro guion ochenta y cinco", "0XAT85"),  # equis cut
        ("noventa y seis yon hache de hotel ka de carla yon cinco yon ese de sapo", "96HK5S"),  # guion bent
    ],
)
def test_numbers_letters_and_nato_words_bent_by_an_accent_are_still_read(heard: str, value: str) -> None:
    assert reader.read_value("plate", heard, "es-MX", NOW) == value


def test_a_written_h_before_a_key_word_without_its_silent_h_is_h() -> None:
    # "hache de Hotel" heard "h de otel": the h said is the letter, whatever vowel the key word shows
    heard = "h de otela de anas cinco doble tres dos seis"
    assert reader.read_value("plate", heard, "es-MX", NOW) == "HA53326"


def test_ese_or_zeta_before_a_key_word_written_with_the_other_s_sound_is_the_letter_named() -> None:
    # Kokoro's "ese de Sapo" heard "ese de zapo" (made-up set 82): in Mexican Spanish s, z and soft c
    # sound alike, so the key word's spelling is the recognizer's guess; "ese" and "zeta" are not
    heard = "siete ese de zapo ene de no pal g de gloria tres uno"
    assert reader.read_value("plate", heard, "es-MX", NOW) == "7SNG31"
    assert reader.read_value("plate", "zeta de sorro uno dos tres", "es-MX", NOW) == "Z123"
    assert reader.read_value("plate", "ce de casa uno dos tres", "es-MX", NOW) == "C123"


def test_a_symbol_written_once_more_than_a_plate_can_hold_is_an_echo() -> None:
    from daisy.understanding import spelling

    # three fours said, four written: no plate has four alike in a row
    assert spelling.spell("Zulu, Lima, Zulu, 4, 4, 4, 4", "en-US") == "ZLZ444"
    assert spelling.spell("Golf, Kilo, Kilo, seven, nine", "en-US") == "GKK79"  # two alike stay


def test_a_word_near_a_number_word_but_longer_stays_a_word() -> None:
    assert reader.read_digits("estuve en cuarentena", "es-MX") is None


def test_a_key_word_whose_letter_name_was_lost_before_its_de_still_gives_the_letter() -> None:
    heard = "ce de cuyacán, ade avión, ele de ratón, de de diana, de enrique, en el de naranja, ade avión"
    assert reader.read_piece("plate", heard, "es-MX") == "CARDENA"


def test_an_english_key_word_cut_to_two_letters_after_as_in_is_still_the_key_word() -> None:
    # Kokoro's "S as in Sugar" heard "S as in Sx" (made-up set 14): S, not S, S, X
    assert reader.read_piece("plate", "7S for Sierra X like Xerox S as in Sx 33.", "en-US") == "7SXS33"


def test_a_letter_name_heard_as_a_number_before_its_key_word_is_that_letter() -> None:
    # "ese de Sol" heard "siete de son": no one gives a digit a key word
    assert reader.read_value("plate", "siete cero efe de foco doble u de wafe seis siete de son", "es-MX",
                             NOW) == "70FW6S"
    assert reader.read_value("plate", "ocho dos tres de tomate", "es-MX", NOW) == "82T"
    # ...its "de" swallowed too, before a key word that starts as the number ("te de Tomate", Kokoro)
    assert reader.read_value("number", "tres tomate seis", "es-MX", NOW) == "T6"
    assert reader.read_value("number", "veinte veis", "es-MX", NOW) != "V"  # a bent "seis", no key word


@pytest.mark.parametrize(
    ("heard", "address"),
    [
        ("Delta Echo Romeo Echo Kilo D. Lima Alpha Whiskey Sierra Oscar November at gmail.com",
         "derek.lawson@gmail.com"),
        ("Lima, Oscar, November, November, India, Echo, NOT, Papa, Romeo, Uniform, India, Tango, Tango, "
         "Six, zero, At Yahoo, NOT, COM", "lonnie.pruitt60@yahoo.com"),
        # written glued between the two NATO words, as a symbol (Kokoro, made-up set 29)
        ("Romeo, Alpha November Delta Yankee.Mike, Alpha Yankee at AOL.com.", "randy.may@aol.com"),
    ],
)
def test_a_dot_heard_as_d_or_as_not_between_nato_words_is_the_dot(heard: str, address: str) -> None:
    assert reader.read_piece("email", heard, "en-US") == address


def test_an_at_heard_as_as_before_a_provider_is_the_at() -> None:
    # espeak-ng's "laura dot short at yahoo dot com" on the line: its "at" heard "as", each "dot" "not"
    heard = "Laura not short as yahoo not com."
    assert reader.read_value("email", heard, "en-US", NOW) == "laura.short@yahoo.com"
    # ...or "and", "are" where no "at" was heard at all
    assert reader.read_value("email", "It's kevin not Murray and iCloud dot com.", "en-US", NOW) \
        == "kevin.murray@icloud.com"
    assert reader.read_value("email", "tdavies are gmail dot com", "en-US", NOW) == "tdavies@gmail.com"
    assert reader.read_value("email", "doris dot rodriguez and at hotmail dot com", "en-US", NOW) \
        == "doris.rodriguez@hotmail.com"


@pytest.mark.parametrize(
    ("heard", "address"),
    [
        ("Juliet, Oscar, Echo, Lima, NOT, gmail, Alpha, Romeo, Charlie, India, Alpha, at hotmail.com",
         "joel.garcia@hotmail.com"),
        ("Tango, Oscar, Delta, Delta, gmail, Romeo, Echo, Echo, November, at Yahoo.com",
         "toddgreen@yahoo.com"),
    ],
)
def test_golf_heard_as_gmail_among_nato_words_is_golf(heard: str, address: str) -> None:
    # the prompt names the providers: Whisper writes the one a NATO word sounds like
    assert reader.read_piece("email", heard, "en-US") == address


def test_es_todo_glued_by_the_recognizer_still_closes_the_pieces() -> None:
    from daisy.understanding.intents import Intent, classify

    assert Intent.DONE in classify("iso estodo", "es-MX")


@pytest.mark.parametrize(
    ("said", "lang"), [("son tomas", "es-MX"), ("ese todo", "es-MX"), ("That's it.", "en-US"),
                       # espeak-ng's "Es todo." as Whisper writes it most: the last word is still close
                       ("el tomo", "es-MX"), ("y su estodo", "es-MX"), ("llana masque tomo", "es-MX"),
                       ("y a la más el tolo", "es-MX")]  # "Nada más, es todo."
)
def test_a_that_is_all_the_recognizer_bent_sounds_done(said: str, lang: str) -> None:
    from daisy.understanding.intents import sounds_done

    assert sounds_done(said, lang)


@pytest.mark.parametrize(
    ("said", "lang"), [("el tomate", "es-MX"), ("no lo sé", "es-MX"), ("N A C D", "en-US")]
)
def test_replies_far_from_that_is_all_do_not_sound_done(said: str, lang: str) -> None:
    from daisy.understanding.intents import sounds_done

    assert not sounds_done(said, lang)


def test_an_english_nato_word_bent_a_letter_off_in_a_run_of_them_is_that_word() -> None:
    from daisy.understanding import spelling

    assert spelling.spell("William Lima Uniform Tango Hulu", "en-US") == "LUTZ"  # Zulu
    # ...joined to its neighbours by Whisper's hyphens (made-up set 10); X-ray keeps its own
    assert spelling.spell("7-Wiskey Romeo Romeo-Dash 92", "en-US") == "7WRR92"
    assert spelling.spell("X-ray Lima Hulu", "en-US") == "XLZ"
    # an everyday word between key words is none: "like" is a letter off Mike
    assert spelling.spell("B for Delta H like Hotel N like Nora 3776", "en-US") == "DHN3776"


def test_a_nato_word_written_in_capitals_among_others_is_that_word_not_its_letters() -> None:
    from daisy.understanding import reader

    # Kokoro's "Romeo, Sierra, Foxtrot, one, three, eight" heard "Romeo Sierra, FOX.138" (made-up set 85)
    assert reader.read_piece("plate", "Romeo Sierra, FOX.138", "en-US") == "RSF138"
    assert reader.read_piece("plate", "Romeo SIERRA 138", "en-US") == "RS138"
    # alone, capitals may be letters said quickly
    assert reader.read_piece("plate", "ECHO 138", "en-US") == "ECHO138"


def test_an_ordinal_whisper_writes_for_a_digit_in_a_spelled_plate_is_that_digit() -> None:
    from daisy.understanding import spelling

    # espeak-ng's "seven" and "six" written as ordinals (made-up sets 9 and 10)
    assert spelling.spell("49 Mike Echo Seventh Charlie", "en-US", plate=True) == "49ME7C"
    assert spelling.spell("89th November, Whiskey-1 Zulu", "en-US", plate=True) == "89NW1Z"
    # not in a name: "John Fifth Arrow" is no plate
    assert "5" not in spelling.spell("John Fifth Arrow", "en-US")


def test_a_spanish_callers_nato_word_written_as_spanish_sounds_is_that_word_in_a_plate() -> None:
    from daisy.understanding import spelling

    # Kokoro's "tres, Foxtrot, Bravo, Charlie, cincuenta y cinco" (made-up set 10)
    assert spelling.spell("tres poxtro bravo charlie 55", "es-MX", plate=True) == "3FBC55"
    assert spelling.spell("uno y papa golf victorio noventa y siete", "es-MX", plate=True) == "1PGV97"
    # a key word after "de" is the caller's own ("ele de Lima"), and a number word stays one
    assert spelling.spell("ele de lima bravo charlie uno dos tres", "es-MX", plate=True) == "LBC123"
    assert spelling.spell("bravo charlie cuatro uno", "es-MX", plate=True) == "BC41"


@pytest.mark.parametrize(
    ("heard", "plate"),
    [("November Kilo Foxtrot One Four Four Nero", "NKF1440"),  # zero
     ("Charlie Tango nine Nero five Nero two", "CT90502"),
     ("H like Hotel fix 2 Bravo", "H62B"),  # six
     ("For one, letter C, letter Y, two, letter double U.", "41CY2W"),  # "forty one" first: no connector
     ("B for 5", "B5")],
)
def test_an_english_digit_word_bent_a_letter_off_among_spelled_symbols_is_that_digit(
        heard: str, plate: str) -> None:
    from daisy.understanding import spelling

    assert spelling.spell(heard, "en-US", plate=True) == plate


@pytest.mark.parametrize(
    ("heard", "plate"),
    [("Lima, Yankee, Uniform, Eventy-Fix, Eventy-One", "LYU7671"),  # seventy-six, seventy-one
     ("3 letter G, letter D, letter X, Aventy-2.", "3GDX72"),  # a letter off too
     ("J M dash ixty four", "JM64"), ("Bravo Charlie orty-nine", "BC49")],
)
def test_an_english_tens_word_heard_without_its_first_consonant_is_that_tens_word(
        heard: str, plate: str) -> None:
    from daisy.understanding import spelling

    assert spelling.spell(heard, "en-US", plate=True) == plate


def test_a_word_like_a_tens_word_without_its_consonant_is_no_number_away_from_symbols() -> None:
    from daisy.understanding import spelling

    # no symbol beside it; and joined to a word no digit is, the number's unit was lost
    assert "70" not in spelling.spell("my eventy plan B 4", "en-US", plate=True)
    assert spelling.spell("Bravo Charlie Aventy-Big", "en-US", plate=True) != "BC70"


@pytest.mark.parametrize(
    ("heard", "plate"),
    [("Alpha 5 Mike 3 night", "A5M3"), ("B as in Boy 5 right", "B5"), ("Bravo 4 fine 6", "B46")],
)
def test_an_everyday_word_beside_spelled_digits_is_no_digit(heard: str, plate: str) -> None:
    from daisy.understanding import spelling

    assert spelling.spell(heard, "en-US", plate=True) == plate


@pytest.mark.parametrize(
    ("heard", "plate"),
    [("Nineteen K M N King one H four house", "19K1H"),  # "as in" heard as letters, "for" as a four
     ("U for uniform, C-like, Charlie, 9-pix", "UC96"),  # a stop before the key word, "six" bent
     ("C like Charlie, a four-ample, 3 6 9", "CA369"),  # A written as the article, "four-" run into its key
     ("E like Echo, B-like, Victor, 3 4", "EV34"),  # B and V sound alike: the key word says which
     ("C, M, N, 4 5 6", "CMN456"), ("H 4 5 6", "H456"), ("S four seven", "S47"),  # no key word after them
     ("Charlie, a four, 4 5", "CA445")],
)
def test_the_words_between_an_english_letter_and_its_key_word_heard_as_symbols_are_no_symbols(
        heard: str, plate: str) -> None:
    from daisy.understanding import spelling

    assert spelling.spell(heard, "en-US", plate=True) == plate


def test_a_bare_h_stays_a_letter_when_the_caller_does_not_spell_with_nato_words() -> None:
    assert reader.read_value("plate", "H 1 2 3 A B", "en-US", NOW) == "H123AB"
    assert reader.read_value("plate", "Hotel, eight, seven, Alpha", "en-US", NOW) == "H87A"


@pytest.mark.parametrize(
    ("said", "lang", "address"),
    [
        # the line's "dot" heard "not"; "thirty-eight" written "38th"; "underscore" run into a word
        ("Render not with field 70 at hotmail dot com.", "en-US", "render.withfield70@hotmail.com"),
        ("Rani not prude 7th at gmail dot com", "en-US", "rani.prude7@gmail.com"),
        ("Carlunderscore, jennings, 38th at iCloud dot com.", "en-US", "carl_jennings38@icloud.com"),
        # a lead-in with the first word of the address after it is not talk to drop
        ("Mi correo es silvia, carmona junto, arroba gmail punto com", "es-MX", "silviacarmona@gmail.com"),
        # "arroba" run into the words around it
        ("Semmelendés 36, arrobaoutlook.com", "es-MX", "semmelendes36@outlook.com"),
        # spelled with key words, "Nopal" split into "no pal" (no correction), letter names bent
        ("Ese de sol, i de i guana, el de león, duve de veracruz, i de iglesia, a de avión, se de casa, "
         "n de no pal, a de avión, arroba gmail punto com.", "es-MX", "silviacna@gmail.com"),
        ("ese de Sol, a de Avión, u de Uruapan, ele de Limón, punto, be grande de Bueno, e de Ensenada, "
         "te de Toluca, tres, cuatro, arroba live punto com punto mx", "es-MX", "saul.bet34@live.com.mx"),
        # spelled with NATO words, the "at" lost before the provider
        ("Alpha, November, Golf, Echo, Dot, Bravo, Romeo, Oscar, Oscar, Kilo, Sierra, 27, Gmail.com", "en-US",
         "ange.brooks27@gmail.com"),
        # ...or heard as a bare "A" after the local part's digits
        ("Romeo, Oscar Bravo, Lima, Echo, Sierra, 29, A Gmail.com", "en-US", "robles29@gmail.com"),
        # AOL said as its letters, written as it sounds
        ("It's white 44 at aahol dot com.", "en-US", "white44@aol.com"),
        # ...its A's "ay" heard as a y or a v, with the "at" or without it
        ("Sierra, November, Oscar, Whiskey, Three, One, at YOL.com", "en-US", "snow31@aol.com"),
        ("Charlie, Oscar, Oscar, Lima, Echo, Yankee, VOL.com", "en-US", "cooley@aol.com"),
        # "at gmail" heard as "e-mail", no "at" left
        ("Hotel, Bravo, Romeo, Oscar, Oscar, Kilo, Sierra, e-mail.com", "en-US", "hbrooks@gmail.com"),
        # ...or heard as "not" like the dots around the provider
        ("Kilo, Alpha, Romeo, Echo, November, NOT, Echo, Sierra, Papa, India, November, Oscar, Zulu, Alpha, "
         "NOT, Outlook, NOT, COM.", "en-US", "karen.espinoza@outlook.com"),
        # the provider run into its ending, bent by a letter ("at gmail dot com" heard "at emailcom")
        ("Brandon Whitfield at emailcom", "en-US", "brandonwhitfield@gmail.com"),
        ("juan arroba hotmailcommx", "es-MX", "juan@hotmail.com.mx"),
        # Kokoro's spelled "…, guion bajo, …, arroba gmail punto com" decoded without its prompt (set 85):
        # the underscore heard as "John Bajo", gmail as it is said, its ending cut short
        ("M. de Manzana, A. de Aguacate, E. de Rosa, C. de Casa, E. de Escuela, E. de León, A. de Aguacate, "
         "John Bajo, B. de Venado, E. de Irapuato, E. de Luna, E. de León, A. de Ana, 2, 8, Arrobajemael.co",
         "es-MX", "marcela_villa28@gmail.com"),
        ("marcela guiombajo villa 28 arroba jemael punto com", "es-MX", "marcela_villa28@gmail.com"),
        ("juan arroba gmail.co", "es-MX", "juan@gmail.com"),
        ("ramon@gmail.co", "es-MX", "ramon@gmail.co"),  # ...typed, it is what was meant (and is refused)
        ("ulloa 86 arroba transportes navacunto mx", "es-MX", "ulloa86@transportesnava.mx"),  # "punto" bent
        ("juan arroba transportes punto co", "es-MX", "juan@transportes.co"),  # a domain of its own keeps it
    ],
)
def test_addresses_through_recognizer_damage(said: str, lang: str, address: str) -> None:
    assert reader.read_value("email", said, lang, NOW) == address


def test_a_not_after_talk_stays_a_not() -> None:
    assert reader.read_value("email", "that is not it", "en-US", NOW) is None


@pytest.mark.parametrize(
    ("heard", "name"),
    [
        ("Rigoberto Salinas Peña para Ferribles", "Rigoberto Salinas Peña"),  # "para servirle"
        ("Adriana Peralta Robles Asusódenes", "Adriana Peralta Robles"),  # "a sus órdenes"
        ("Dolores Chaves Savala Asus Ordenes", "Dolores Chaves Savala"),  # ...split where it is not
        # ...bent further, compared as it sounds (z as s): seen on espeak-ng Spanish voices
        ("Carla Valles Colón Azuzórenes", "Carla Valles Colón"),
        ("Patricia Prado Casares, Azuzón Menes", "Patricia Prado Casares"),
        ("Ramón Cano Pelayo Azuzónenez", "Ramón Cano Pelayo"),
        ("José Alva para ser libre", "José Alva"),  # "para" and what follows it
        ("Juan Jesús Órdenes", "Juan Jesús Órdenes"),  # two names the lists know keep the closer bar
        ("Mario Gracia", "Mario Gracia"),  # a surname near "gracias" is still the surname
        ("Ana Casas Gracia", "Ana Casas Gracia"),
    ],
)
def test_a_courtesy_after_the_name_bent_by_the_recognizer_is_no_part_of_it(heard: str, name: str) -> None:
    assert reader.read_value("name", heard, "es", datetime(2026, 11, 23, 14, 0)) == name


def test_a_spelled_surname_with_a_letter_echoed_a_third_time_keeps_two() -> None:
    # "Delta, Uniform, November, November" heard with a third "November"
    letters = reader.read_letters("Delta Uniform November November November", "en", longest=20)
    assert reader.name_from_letters(letters, "en") == "Dunn"


def test_be_grande_after_a_bent_letter_is_the_b_never_a_de_and_a_key_word() -> None:
    # "e de Enrique, be grande de Bota" heard "el enrique be grande de bota": no G for "Grande" (and
    # "el" before a given name is the bent "e de")
    assert reader.read_piece("plate", "el enrique be grande de bota ocho uno nueve seis", "es-MX") == "EB8196"


def test_round_thousands_and_a_few_written_apart_are_one_number() -> None:
    from datetime import datetime

    from daisy.understanding import reader

    now = datetime(2026, 11, 30, 12, 0)
    # "letter A, letter P, letter Z dash four thousand three" as Whisper wrote it
    assert reader.read_value("plate", "A letter P letter Z dash 4,000 3", "en", now) == "APZ4003"
    assert reader.read_value("number", "4,500 37", "en", now) == "4537"
    assert reader.read_value("number", "4,715 4,750", "en", now) == "47154750"  # two numbers said


def test_letter_aitch_heard_as_letter_eight_is_the_letter() -> None:
    from daisy.understanding import reader

    assert reader.read_piece("plate", "letter eight letter Y", "en") == "HY"
    assert reader.read_piece("plate", "eight letter Y", "en") == "8Y"  # a bare eight is the digit


@pytest.mark.parametrize(
    ("heard", "plate"),
    [
        ("ese de sol u ve de venado hele de ratón tres cero nueve", "SVR309"),  # "uve de Venado"
        ("letra ese letra u ve letra erre tres cero nueve", "SVR309"),  # "letra V" said "letra uve"
        ("u de uruapan doble be de walter cuatro tres cero uno", "UW4301"),  # "doble ve de Walter"
        ("u de uva, ve de vaca, cinco", "UV5"),  # a U and a V, each with its key word
        ("doble be cuatro", "BB4"),  # no key word: a double B
    ],
)
def test_the_name_of_v_or_w_heard_in_two_pieces_is_one_letter(heard: str, plate: str) -> None:
    from daisy.understanding import reader

    assert reader.read_piece("plate", heard, "es") == plate


def test_the_and_before_the_digits_heard_as_i_is_no_letter() -> None:
    from daisy.understanding import reader

    assert reader.read_piece("plate", "las placas son delta tango lima i 18 22", "es") == "DTL1822"
    assert reader.read_piece("plate", "letra a letra i cuatro cinco", "es") == "AI45"  # "letra i" is I
    # ...before "letra" too, and run into the word after it (Kokoro's "y", made-up set 40)
    assert reader.read_piece("plate", "95 iletra efe letra ge i 9 iletra te", "es") == "95FG9T"
    heard = "noventa y cinco y letra efe letra g inueve y letra t"
    assert reader.read_piece("plate", heard, "es") == "95FG9T"


@pytest.mark.parametrize(
    ("heard", "plate"),
    [
        ("cada cala debe durango ocho nueve cuatro dos", "KD8942"),  # "ka de Karla, de de Durango"
        ("cada kilómetro ele de limón siete tres nueve ocho", "KL7398"),  # "ka de Kilómetro"
        ("cadecarla de de diana ocho nueve cuatro dos", "KD8942"),  # run together
        ("cada de ochenta y nueve cuarenta y dos", "KD8942"),  # "ka, de, …": the D said after it
        ("ka de casa uno dos tres", "K123"),  # K's key word written with the c heard in it
        ("ce de casa uno dos tres", "C123"),
    ],
)
def test_ka_de_run_together_and_ks_key_word_written_with_c_are_k(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "es") == plate


def test_tens_written_in_digits_take_their_unit_after_y_and_a_last_dos_cut_short() -> None:
    # "ciento ochenta y dos" written "180 y dos" or, cut short where the caller stopped, "180 i do"
    assert reader.read_piece("plate", "ele eme efe guion 180 y dos", "es") == "LMF182"
    assert reader.read_piece("plate", "ele eme efe guion 180 i do", "es") == "LMF182"
    assert reader.read_value("number", "cuarenta y do", "es", NOW) == "42"
    assert reader.read_value("number", "80 80 y 2", "es", NOW) == "8082"  # two groups said


@pytest.mark.parametrize(
    ("heard", "plate"),
    [
        ("a de aguacate doble ve de o alter u de ursula tres dos seis", "AWU326"),  # W's "Walter"
        ("doble be de wendy u de u a pan seis nueve dos", "WU692"),  # "Uruapan" in three pieces
        ("a de a ka pulco", "A"),
        ("u de uva, a de avión", "UA"),  # a letter and the next one, not a key word in pieces
        # ...the first piece of three letters, before a lone vowel (Kokoro, made-up set 56)
        ("u de uro a pan pede pato y griega de llego a ocho cero ocho", "UPY808"),
        ("e de eva, a de árbol", "EA"),
        ("de de del fin, era de rancho", "DR"),  # Delfín, its first piece a word of its own
        ("ele de la guna, o de oro", "LO"),  # Laguna
    ],
)
def test_a_spanish_key_word_heard_in_pieces_is_one_key_word(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "es") == plate


@pytest.mark.parametrize(
    ("heard", "address"),
    [
        ("jenny punto espinal arroba utmail punto com", "jenny.espinal@hotmail.com"),  # its h silent
        ("jose montoya arroba outmail punto com", "josemontoya@hotmail.com"),
        ("tomas.aguirre16@light.com.mx", "tomas.aguirre16@live.com.mx"),  # live said "laiv"
        ("forest58 arroba lai punto com punto mx", "forest58@live.com.mx"),
        ("juan arroba lahoo punto com", "juan@yahoo.com"),  # a letter off yahoo stays yahoo
        ("juan arroba laura punto com", "juan@laura.com"),  # a domain of its own stays
        ("mitsuyom bajo arroyo 83 arroba yahoo punto com", "mitsu_arroyo83@yahoo.com"),  # "guion" bent
        ("veneguion bajo chanes 24 arroba yahoo punto com", "vene_chanes24@yahoo.com"),  # run into a word
    ],
)
def test_a_provider_written_as_it_is_said_and_a_bent_guion_bajo_are_read(heard: str, address: str) -> None:
    assert reader.read_email(heard, "es") == address


def test_a_provider_spelled_out_or_hyphenated_in_english_is_the_provider() -> None:
    assert reader.read_email("y-44 at a-o-l.com", "en") == "y-44@aol.com"
    assert reader.read_email("lonnie dot brute at e-mail dot com", "en") == "lonnie.brute@gmail.com"
    assert reader.read_email("juan at my-company dot com", "en") == "juan@my-company.com"  # its own


@pytest.mark.parametrize(
    ("heard", "plate"),
    [
        ("I, letter H, letter N, letter K, zero 5.", "5HNK05"),  # "five, letter H, …"
        ("I M H J D 31", "5HJD31"),  # its v heard as an M
        ("I m golf, Charlie, golf, six, three.", "5GCG63"),
        ("I've double eight four", "5884"),  # the five without its f
        ("letter M letter L letter M I 172", "MLM572"),  # "five hundred seventy two"
        # among NATO words the letter is said "India": a bare I is the five, anywhere
        ("I, hotel, November, Kilo, zero, I", "5HNK05"),
        ("X-ray, Kilo, Delta, I-8, 6 8", "XKD5868"),
        ("Yankee Yankee I641", "YY5641"),  # ...or glued to the digits after it
        # ...and so where each letter is said "letter X": its O is the zero "oh", its v heard as an m
        ("I'm letter H letter N letter K O I", "5HNK05"),
        ("five letter h letter n letter k zero i m", "5HNK05"),
        # Mexican plates have no letter I: a capital I between spelled symbols is the five
        ("C E H I 4 1 1", "CEH5411"),
    ],
)
def test_a_five_heard_as_the_pronoun_in_an_english_plate_is_the_five(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "en") == plate
    assert not reader.read_piece("plate", "I have plates A B C 1 2 3", "en").startswith("5")  # talk
    assert reader.read_piece("plate", "letter I, Kilo, Tango", "en") == "IKT"  # the letter named so


def test_an_oh_among_digits_is_a_zero_and_an_okay_before_the_plate_no_letters() -> None:
    # Mexican plates never use the letter O: an English "oh" written "O" beside digits is a zero
    assert reader.read_piece("plate", "J M W 697 O", "en") == "JMW6970"
    assert reader.read_piece("plate", "A B 7 O 5", "en") == "AB705"
    assert reader.read_piece("plate", "letter O, 1 2 3", "en") == "O123"  # a letter named so stays
    assert reader.read_piece("plate", "letter A, letter B, O 5 1", "en") == "AB051"  # letters marked
    assert reader.read_piece("plate", "I O 1 2 A B", "en") == "5012AB"  # an O after the five heard "I"
    # ...and one before digits, after letters said with key words ("M like Mike, oh two zero")
    assert reader.read_piece("plate", "W. For William, B. For Boy, M. Like Mike, O 20", "en") == "WBM020"
    assert reader.read_piece("plate", "K O 5 3 1", "en") == "K0531"
    # the caller's "okay" written "O K"
    assert reader.read_piece("plate", "O K letter Y, letter V, 7166.", "en") == "YV7166"
    assert reader.read_piece("plate", "O K zero Charlie Charlie Alpha 64", "en") == "0CCA64"
    # "letter" heard "zero" before each letter, the last one run into the digits
    assert reader.read_piece("plate", "zero N, zero T, zero V464", "en") == "NTV464"


@pytest.mark.parametrize(
    ("heard", "kind", "value"),
    [
        # Spanish tens split after their first syllable; "no venta" is no correction
        ("se senta y uno mil ciento veinti tres", "plate", "61123"),
        ("alfa bravo guion o chenta o chenta y dos", "plate", "AB8082"),
        ("cuatro no venta y dos", "number", "492"),
        ("trein ta y uno", "number", "31"),
        # ...and "sesenta" with its first syllable heard as "seis" (Kokoro, made-up set 56)
        ("seiscenta y tres y dede dado eme de manzana y nueve y cede cocha", "plate", "63DM9C"),
        ("seiscenta y siete mil trecientos cuarenta y cuatro", "number", "67344"),
        # ...and "doble" split before the letter it doubles
        ("letra u letra do le ve cuatro mil trescientos uno", "plate", "UW4301"),
        # ...and H's key word, heard without its silent h, split in two
        ("sesenta hache de ir algo a de a capunco seis he de escuela", "plate", "60HA6E"),
        ("hache de a de árbol be de burro uno dos tres", "plate", "HDAB123"),
    ],
)
def test_words_the_recognizer_split_in_two_are_one_word(heard: str, kind: str, value: str) -> None:
    assert reader.read_value(kind, heard, "es-MX", NOW) == value


def test_two_nato_words_written_as_one_are_two_letters() -> None:
    heard = "kilodelta alfa seis mil quinientos veintinueve"
    assert reader.read_value("plate", heard, "es-MX", NOW) == "KDA6529"
    assert reader.read_value("plate", "Tango Sierra, Limapapa 45", "en-US", NOW) == "TSLP45"
    assert reader.read_value("plate", "foxtrot uno dos tres cuatro", "es-MX", NOW) == "F1234"


def test_a_bare_i_in_a_spanish_plate_is_no_letter_i() -> None:
    # "hache de Hidalgo" heard "hache i dango": Mexican plates have no I
    heard = "y de estrella hache i dango de de taco tres seis cero"
    assert reader.read_value("plate", heard, "es-MX", NOW) == "EHT360"
    # ...but a caller who names it still gets it, and "i griega" is Y
    assert reader.read_value("plate", "letra i cuatro cinco seis a be", "es-MX", NOW) == "I456AB"
    assert reader.read_value("plate", "i griega de yoyo cuatro cinco seis siete", "es-MX", NOW) == "Y4567"


def test_an_article_between_nato_words_is_no_letter_a() -> None:
    assert reader.read_value("plate", "I Lima a tango kilo fifty four.", "en-US", NOW) == "5LTK54"
    assert reader.read_value("plate", "Alpha, a, Bravo 123", "en-US", NOW) == "AAB123"


def test_alfa_heard_as_for_before_a_nato_word_is_alfa() -> None:
    # Kokoro's "Alfa, Mike, Alfa, November, Delta, …" (made-up set 58)
    heard = "As for Mike, as for November, Delta, as for Papa, echo Romeo, echo, Zulu at icloud.com"
    assert reader.read_value("email", heard, "en-US", NOW) == "amandaperez@icloud.com"
    # ...but after a letter "as for" is the caller's connector, no Alfa
    assert "A" not in (reader.read_value("plate", "B as for Bravo, 1 2 3 4", "en-US", NOW) or "")


def test_the_given_name_heard_before_goes_before_surnames_said_without_it() -> None:
    from daisy.understanding import reader

    assert reader.known_given_name("Noemí Otis Regalado") == "Noemí"
    # "No es mi Ortiz, erre de Rancho…": Noemí heard as words, only the first surname left
    assert reader.with_given_name("Ortiz", "Noemí") == "Noemí Ortiz"
    assert reader.with_given_name("Clemente Aranda", "Clemente") == "Clemente Aranda"
    assert reader.with_given_name("Olivera", "Oliver") == "Oliver"  # a letter run into it: a surname


@pytest.mark.parametrize(
    ("kind", "heard", "value"),
    [
        ("number", "el escuela nueve dos nueve", "E929"),  # e de Escuela
        ("number", "el ensinada ocho", "E8"),  # e de Ensenada
        ("number", "el enrique cinco uno cinco", "E515"),  # e de Enrique: a given name takes no "el"
        ("number", "el económico es ocho ocho", "88"),  # the article where it goes
        ("plate", "el estado de jalisco a b c uno dos tres", "ABC123"),
    ],
)
def test_an_e_de_heard_as_the_article_el_before_a_feminine_or_name_key_word_is_e(
        kind: str, heard: str, value: str) -> None:
    assert reader.read_value(kind, heard, "es-MX", NOW) == value


@pytest.mark.parametrize(
    ("kind", "heard", "value"),
    [
        # "hache" split after its first vowel: "a che"
        ("plate", "a che de ir algo ese de sapo cero nueve uno tres", "HS0913"),
        ("plate", "a che leor miga ceta de solo dos dos ocho nueve seis", "HZ22896"),
        # "guion" run into the word before it, and the underscore's "guion" bent before "bajo"
        ("plate", "bravo kiloguion noventa y dos sesenta y siete", "BK9267"),
        ("email", "Evagion bajo, perea 99 arroba live punto com, punto mx.", "eva_perea99@live.com.mx"),
        ("email", "Y de Iglesia, Yon bajo, pe de Paco, 2, 3 arroba yahoo punto com", "i_p23@yahoo.com"),
        ("email", "la region arroba gmail punto com", "region@gmail.com"),  # a word that ends so stays
    ],
)
def test_spanish_letter_names_and_guion_split_or_run_together_are_still_read(
        kind: str, heard: str, value: str) -> None:
    assert reader.read_value(kind, heard, "es-MX", NOW) == value


@pytest.mark.parametrize(
    ("heard", "address"),
    [
        ("It's robertunderscoremiller74 at hotmail dot com.", "robert_miller74@hotmail.com"),
        ("tiffanyunderscorepowell6, at gmail dot com.", "tiffany_powell6@gmail.com"),
        ("alejandro underscored turner 86 at yahoo dot com", "alejandro_turner86@yahoo.com"),
    ],
)
def test_an_underscore_run_into_the_words_around_it_is_still_the_underscore(heard: str, address: str) -> None:
    assert reader.read_value("email", heard, "en-US", NOW) == address


@pytest.mark.parametrize(
    ("kind", "heard", "value"),
    [
        # a de Avión, a de Acapulco: the key word's first vowel, the letter's own, run into the "de"
        ("plate", "adevion ka de kilo uno dos tres", "AK123"),
        ("plate", "adecapunco ka de kilo uno dos tres", "AK123"),
        ("email", "Adeguacate, sede Carmen, u de Ursula, edestrella, ele de limón, ele de limón, adeavión, "
                  "ele de ratón, arroba yahoo punto com, punto mx.", "acuellar@yahoo.com.mx"),
        # ...apart, the key word still decides; and e is no such vowel: other names end in it
        ("plate", "a de vion ka de kilo uno dos tres", "VK123"),
        ("plate", "en edenayari ka de kilo uno dos tres", "NK123"),
    ],
)
def test_a_vowel_whose_key_word_lost_its_first_vowel_into_the_de_is_that_vowel(
        kind: str, heard: str, value: str) -> None:
    assert reader.read_value(kind, heard, "es-MX", NOW) == value


@pytest.mark.parametrize(
    ("kind", "heard", "value"),
    [
        # the Mexican y of Yolanda, Yucatán written as a j: still Y's key word
        ("plate", "ye de jolanda a de ana uno dos tres", "YA123"),
        ("plate", "jota de jalisco ye de jucatan uno dos tres", "JY123"),
        ("email", "ade ana, eme de maria, ade aguacate, je de jolanda, ade ana arroba gmail punto com",
         "amaya@gmail.com"),
        # ...but a key word that is a name or a state as heard keeps its j
        ("plate", "jota de juarez jota de jalisco uno dos tres", "JJ123"),
    ],
)
def test_a_y_key_word_written_with_a_j_is_still_y(kind: str, heard: str, value: str) -> None:
    assert reader.read_value(kind, heard, "es-MX", NOW) == value


@pytest.mark.parametrize(
    ("heard", "plate"),
    [
        ("77, D like David, W for W, 7, D like Delta.", "77DW7D"),  # W for Water
        ("F-like Fox, Z as in Zebra, S for Ss, 077.", "FZS077"),  # S for Sugar
        ("A like Adam X like X-ray G like G, 4232.", "AXG4232"),  # G like Green
        ("W four W 1 2 3", "W4W123"),  # a number said between two letters stays one
    ],
)
def test_an_english_key_word_heard_as_its_own_letter_is_no_second_letter(heard: str, plate: str) -> None:
    assert reader.read_value("plate", heard, "en-US", NOW) == plate


@pytest.mark.parametrize(
    ("heard", "plate"),
    [
        ("0-4G like George E, as in easy 3K like eight.", "04GE3K"),  # K like Kite
        ("It's N like Nancy V like one ninety seven ninety eight", "NV9798"),  # V like Van
    ],
)
def test_an_english_key_word_heard_as_a_number_is_no_digit(heard: str, plate: str) -> None:
    assert reader.read_value("plate", heard, "en-US", NOW) == plate


def test_an_accent_whisper_puts_on_a_known_name_is_the_lists_spelling_in_a_spanish_call() -> None:
    from daisy.understanding import name_lexicon

    assert name_lexicon.mend_word("Pérea", "es") == "Perea"
    assert name_lexicon.mend_word("Saldáña", "es") == "Saldaña"
    assert name_lexicon.mend_word("Ángela", "es") == "Ángela"
    assert name_lexicon.mend_word("José", "en") == "José"  # an English call keeps the caller's accent


@pytest.mark.parametrize(
    ("heard", "lang", "plate"),
    [
        ("el cero guion victor juliet no ven ver guion 41", "es-MX", "0VJN41"),
        ("whisky papa no ven ver y ocho mil setecientos cuatro", "es-MX", "WPN8704"),
        ("zero victor juliet no vender 41", "en-US", "0VJN41"),
    ],
)
def test_november_split_in_three_among_nato_words_is_november_not_a_no(
        heard: str, lang: str, plate: str) -> None:
    assert reader.read_value("plate", heard, lang, NOW) == plate
    assert reader.read_value("number", "ochenta, no, noventa", "es-MX", NOW) == "90"  # a no still corrects


@pytest.mark.parametrize(("heard", "number"), [
    ("tede toro heredratón uno", "TR1"),  # erre de Ratón as one word
    ("de toro heredrosa siete seis ocho", "TR768"),
    ("tedetoro era del ancho cuatro cinco", "TR45"),  # Rancho lost its r; R's name keeps it
    ("tede tomate era delatón cuatro cinco", "TR45"),  # Ratón bent to "latón", glued to its "de"
    ("te de tomate here de gancho cinco uno nueve", "TR519"),
    ("trete tomate herederosa cinco uno nueve", "TR519"),  # te de Tomate, its t heard "tr"
    ("trene taco trene roca hueve cero uno", "TR901"),  # espeak-ng: "de" a nasal, the key word decides
    ("trete taco yere de reinoza cuatro cero ocho", "TR408"),
    ("siete coches cuatro cinco cero", "C450"),  # ce de Coche: "ce" sounds as the s of "siete"
])
def test_r_named_erre_the_way_whisper_writes_kokoros_spanish_is_r(heard: str, number: str) -> None:
    # Kokoro's Spanish "te de Toro, erre de Rancho, …" as Whisper base wrote it on made-up sets 18-28
    assert reader.read_piece("plate", heard, "es-MX") == number


@pytest.mark.parametrize(("heard", "plate"), [
    ("cinco charlie no vender bravo 60", "5CNB60"),  # Kokoro, made-up set 42: not "ce de Charlie"
    ("el seis ciera uniform uniform cero cero", "6SUU00"),
])
def test_a_number_before_a_nato_word_is_a_digit_not_a_letter_and_its_key_word(
        heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "es-MX") == plate


@pytest.mark.parametrize(("heard", "number"), [
    ("era escuela dos", "E2"),  # e de Escuela, dos
    ("Te de Toro O de Oro Era de Ratón Era de Reinoza Era de Escuela Ese de Sol", "TORRES"),
    ("tedetoro here ensenada cuatro", "TE4"),
    ("era delatón era estrella ocho", "RE8"),  # the R's key word lost its r; the E's kept its e
])
def test_e_named_as_r_before_a_key_word_of_e_is_e(heard: str, number: str) -> None:
    # Kokoro's Spanish "e de Escuela" as Whisper base wrote it on made-up sets 16-36
    assert reader.read_piece("plate", heard, "es-MX") == number


@pytest.mark.parametrize(("heard", "number"), [
    ("en esuela ocho cinto tres", "E853"),  # espeak-ng's "e de Escuela, ocho, cinco, tres", made-up set 64
    ("en Ensenada, dos, ocho", "E28"),
    ("en estos ocho", "8"),  # ...but not before a word that only starts like a key word of E
])
def test_e_and_its_de_heard_as_en_before_a_key_word_of_e_is_e(heard: str, number: str) -> None:
    assert reader.read_value("number", heard, "es-MX", NOW) == number


@pytest.mark.parametrize(("heard", "plate"), [
    ("letraere letra guion cinco treinta y ocho ochenta y cuatro", "RA53884"),  # Kokoro, made-up set 41
    ("sesenta y cuatro letra letra efe cuatro letra y griega", "64AF4Y"),
    ("letra x letra y cinco ocho dos nueve uno", "XY58291"),  # "letra y" is Y, not "letra" and "y"
])
def test_an_a_run_into_the_letra_before_it_is_still_an_a(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "es-MX") == plate


@pytest.mark.parametrize(("heard", "plate"), [
    ("N D Nueve Adéavión Béchica de Vaso Adéavión", "NAVA"),  # Kokoro's "ene de Nube, …", made-up set 42
    ("te d toro ocho", "T8"),
    ("B D D 123", "BDD123"),  # letters said bare stay letters
])
def test_the_de_written_as_the_letter_d_before_a_key_word_is_the_de(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "es-MX") == plate


@pytest.mark.parametrize(("heard", "plate"), [
    ("Adacapulco, u de uno, ocho", "AU8"),  # a de Acapulco, the "de" run into the key word's a
    ("adávión odoro tres", "AO3"),
    ("en edenayari, ese de Sol", "NS"),  # "ede…" is ene's cut short, not E's
    # the key word's first vowel run into the "de", its rest apart: "o de Oaxaca" (Kokoro, made-up set 59)
    ("Tede Tomate Odeo Aksaka", "TO"),
    ("Adéana Hede gato Odeó Acsaca Ené de Noval", "AGON"),
    ("ene odeo uno", "O1"),  # a number after it is no key word's rest (as before: the "odeo" unread)
])
def test_a_vowel_run_into_its_de_and_key_word_is_that_vowel(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "es-MX") == plate


@pytest.mark.parametrize(("heard", "plate"), [
    ("48 e f f n 9 d", "48FN9D"),  # Kokoro's "eff" written out letter by letter
    ("EF F C E-3271", "FCE3271"),
    ("E, F, F, 123", "EFF123"),  # said apart, they are three letters
])
def test_the_name_eff_written_out_letter_by_letter_is_one_f(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "en-US") == plate


@pytest.mark.parametrize(("heard", "plate"), [
    ("For Apple, S like Sierra, 16,712.", "AS16712"),  # "A for Apple": the A lost into "for"
    ("As in Adam L like Lucy 1175", "AL1175"),  # "A as in Adam": the A glued to "as"
    ("zero three for Adam Y like young seven", "03AY7"),
    ("42 W like whiskey K for kilo 3 H like Henry", "42WK3H"),  # H heard as 8 before its key word
    ("For Victor Papa Whiskey 39.", "VPW39"),  # a NATO word may follow a "four": nothing put back
])
def test_a_letter_lost_into_its_connector_is_the_key_words_first_letter(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "en-US") == plate


def test_a_seven_before_a_soft_c_word_stays_a_seven() -> None:
    # "cierra" is Sierra bent, not a key word of C (only a hard c is: Casa, Coche, Carmen)
    assert reader.read_piece("plate", "siete cierra uno", "es-MX").startswith("7")


@pytest.mark.parametrize(("heard", "name"), [
    ("El hoy Guerrero, a sus órdenes", "Eloy Guerrero"),  # Kokoro's Eloy, split after "El"
    ("El Vira Palomo Quintanilla", "Elvira Palomo Quintanilla"),
    ("Soy Juan de la Rosa", "Juan de la Rosa"),  # "la Rosa" is no given name: the particle stays
])
def test_a_given_name_split_into_an_article_and_a_word_is_one_name(heard: str, name: str) -> None:
    assert reader.read_name(heard, "es-MX") == name


def test_was_after_the_plate_is_the_verb_never_rs_name() -> None:
    # "era" is R's name as Kokoro's "erre" comes out, but not after what it tells of
    heard = "la placa era de jalisco a b c uno dos tres"
    assert not reader.read_piece("plate", heard, "es-MX").startswith("R")


@pytest.mark.parametrize(
    ("heard", "plate"),
    [("seis quionciera bravo x ray guion sesenta y uno", "6SBX61"),
     ("cinco guionte u ca guion treinta y nueve", "5TUK39"),
     ("chalie hotel guionuno ocho nueve tres", "CH1893")],
)
def test_a_dash_run_into_the_symbol_after_it_is_a_dash_and_that_symbol(heard: str, plate: str) -> None:
    # Kokoro's "guion Sierra" heard "quionciera": no Spanish word starts with "guion"
    assert reader.read_piece("plate", heard, "es-MX") == plate


@pytest.mark.parametrize(
    ("kind", "heard", "lang", "value"),
    [
        ("plate", "X, D, F, 300, 46", "en-US", "XDF346"),  # "three hundred forty six"
        ("plate", "A B C 300 cuarenta y seis", "es-MX", "ABC346"),
        ("number", "TR 200 18", "en-US", "TR218"),
        ("number", "700, 5", "es-MX", "705"),
        ("number", "7 100 31", "es-MX", "731"),  # "seven hundred" as a digit and a hundred
        ("number", "300 300", "es-MX", "300300"),  # a hundred after hundreds is a group of its own
        ("number", "100 0 5", "es-MX", "10005"),  # a zero is no tens
    ],
)
def test_round_hundreds_written_in_digits_apart_from_the_rest_are_one_number(
        kind: str, heard: str, lang: str, value: str) -> None:
    assert reader.read_value(kind, heard, lang, NOW) == value


@pytest.mark.parametrize(
    ("heard", "plate"),
    [
        ("mira 19 letra a letra u ocho le traeste", "19AU8S"),  # letra ese, its last word bent
        ("mira ocho le traeme le traer el letra cero dos", "8MRA02"),  # letra erre cut to "er"
        ("letra este cinco cuatro", "S54"),
    ],
)
def test_a_letter_name_bent_into_a_word_after_letra_is_that_letter(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "es-MX") == plate


def test_este_after_letra_with_a_letter_after_it_is_the_filler() -> None:
    assert reader.read_piece("plate", "letra este eme uno dos", "es-MX") == "M12"


@pytest.mark.parametrize(
    ("heard", "letters"),
    [
        # espeak-ng's Spanish "a de Ana, ele de Luna, ce de Carmen, …" as Whisper writes it: each "de"
        # a nasal run into the vowel's name before it, or into C's name heard with an f
        ("Arduro Campo Anérea Elene Luda Féne Carmen Anérea Elene Lube Anérea Guacate", "ALCALA"),
        ("Inésla, anemion", "IA"),  # i de Isla, a de Avión
        ("cene carmen, sene sonora", "CS"),
    ],
)
def test_a_vowels_name_with_its_de_heard_as_a_nasal_is_that_vowel(heard: str, letters: str) -> None:
    assert reader.read_letters(heard, "es-MX", longest=20) == letters


@pytest.mark.parametrize(
    ("heard", "plate"),
    [
        ("Whiskey Bravo M N 1 2 6", "WB7126"),  # espeak-ng's "seven" heard as the letters it sounds like
        ("okey, letter double u, letter b, m 1 2 6", "WB7126"),
        ("November, Mike, Kilo, zero, six, M4.", "NMK0674"),  # ...glued to the digit after it
        ("Whiskey Bravo letter M4 5", "WBM45"),
        ("M1637", "M1637"),
        # a letter marked as the caller marks the others stays a letter
        ("letter J letter M letter N dash 104", "JMN104"),
        ("M like Mike T like Tom E like Echo 998", "MTE998"),
        ("M N 1 2 3", "MN123"),  # no letter marked: bare letters are letters
    ],
)
def test_a_seven_heard_as_m_n_where_the_caller_marks_each_letter_is_the_seven(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "en-US") == plate


def test_one_word_heard_before_each_letter_is_the_word_letter_bent() -> None:
    # Kokoro's "letter P, letter C dash oh six five three" on a noisy line: marked, the O is the zero
    assert reader.read_piece("plate", "Lena P Lena C O 653", "en-US") == "PC0653"
    assert reader.read_piece("plate", "Lou A Lou B Lou", "en-US") == "AB"  # said elsewhere too: a word
    assert reader.read_piece("plate", "Double U for W, Double U", "en-US") == "WW"


@pytest.mark.parametrize(
    ("heard", "plate"),
    [("November X-ray, Papa Nero-04-Aven.", "NXP0047"),  # espeak-ng's "seven" without its s
     ("Victor 3-4-Evan-Nero", "V3470"),
     ("I can even do 4 5", "IDO45")],  # "even" among words stays a word
)
def test_a_seven_heard_without_its_s_among_symbols_is_the_seven(heard: str, plate: str) -> None:
    assert reader.read_piece("plate", heard, "en-US") == plate


def test_an_r_written_after_sierra_among_nato_words_is_its_last_syllable() -> None:
    heard = ("Juliet, Alpha, Sierra R. Oscar, November, underscore, Sierra R. Papa, Echo, Alpha, Romeo, "
             "Sierra R. 8, 8, at Yahoo.com.")  # espeak-ng: each Sierra's "-rra" written again as an R
    assert reader.read_value("email", heard, "en-US", NOW) == "jason_spears88@yahoo.com"
    assert reader.read_piece("plate", "S R 5 5", "en-US") == "SR55"  # no NATO words: an R is an R


@pytest.mark.parametrize(
    ("heard", "letters"),
    [
        # Kokoro's Spanish "ese de Sapo": the name's last e run into its "de", heard as an l
        ("Vere bota ure usula es elé sapo, teletoro, oleoro, es elé sol", "BUSTOS"),
        ("em ele mesa, en ele nube", "MN"),
    ],
)
def test_a_name_less_its_e_before_an_ele_and_a_key_word_of_that_letter_is_that_letter(
    heard: str, letters: str
) -> None:
    assert reader.read_letters(heard, "es-MX", longest=20) == letters


def test_es_ele_before_a_key_word_of_l_is_still_el() -> None:
    assert reader.read_letters("es ele de luna", "es-MX") == "L"

def test_seis_before_a_word_that_only_starts_like_centa_stays_six() -> None:
    assert reader.read_piece("plate", "seis centavos", "es-MX") != "60"


def test_a_surnames_letter_lost_before_its_key_word_leaves_the_first_surname_said_in_the_name() -> None:
    # Kokoro's "Marcela Alcala: te de Tomate, o de Oaxaca, …" heard "Marcela Alcala de Tomate o de
    # Oaxaca, …" (made-up set 86): Alcala is a name said, not the letter of "de Tomate"
    heard = "Marcela Alcala de Tomate o de Oaxaca, Elé de Rancho, Elé de Reinoza, Elé de Ensenada"
    assert reader.given_name_said(heard, "es") == "Marcela Alcala"
    assert reader.given_name_said("Juan Pérez: ele de Luna, o de Oso", "es") == "Juan Pérez"
    assert reader.given_name_said("Juan Alcala de", "es") == "Juan"  # nothing after the "de": no key word
