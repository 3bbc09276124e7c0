"""Email addresses: written by the recognizer, dictated in words, or in pieces."""

import pytest

from daisy.understanding.emails import is_complete_email, read_email, say_email

ES = [
    ("juan.perez@gmail.com", "juan.perez@gmail.com"),
    ("Jorge Octavio Nicolas 10 arroba gmail punto com", "jorgeoctavionicolas10@gmail.com"),
    ("juan punto perez arroba gmail punto com", "juan.perez@gmail.com"),
    ("jota ele guion bajo ochenta y dos arroba yahoo punto com punto mx", "jl_82@yahoo.com.mx"),
    ("pedro guion lopez arroba hotmail punto com", "pedro-lopez@hotmail.com"),
    ("sí, es maria.lopez@outlook.com", "maria.lopez@outlook.com"),
    ("mi correo es ramon arroba gmail punto com", "ramon@gmail.com"),
    ("jorgeoctavionicolas10@gmail.com.", "jorgeoctavionicolas10@gmail.com"),
    ("de a ene arroba gmail punto com", "dan@gmail.com"),
    ("Letra t minúscula.", "t"),
    ("Número cuatro.", "4"),
    ("@gmail.com", "@gmail.com"),
    ("arroba hotmail punto con", "@hotmail.com"),
    ("luis noventa arroba gmail punto com", "luis90@gmail.com"),
    ("ana jota de Jalisco arroba gmail punto com", "anaj@gmail.com"),
]
EN = [
    ("john dot smith at gmail dot com", "john.smith@gmail.com"),
    ("j smith underscore 77 at yahoo dot com", "jsmith_77@yahoo.com"),
    ("my email is mike dash t at outlook dot com", "mike-t@outlook.com"),
    ("b as in bravo o b at gmail dot com", "bob@gmail.com"),
    ("it's anna.k@icloud.com", "anna.k@icloud.com"),
]


@pytest.mark.parametrize(("said", "email"), ES)
def test_driver_dictates_email_in_spanish(said: str, email: str) -> None:
    assert read_email(said, "es-MX") == email


@pytest.mark.parametrize(("said", "email"), EN)
def test_driver_dictates_email_in_english(said: str, email: str) -> None:
    assert read_email(said, "en-US") == email


def test_complete_email() -> None:
    assert is_complete_email("juan.perez@gmail.com")
    assert is_complete_email("jl_82@yahoo.com.mx")
    assert not is_complete_email("juan.perez@gmail")
    assert not is_complete_email("@gmail.com")
    assert not is_complete_email("juan")
    assert not is_complete_email("a@@b.com")
    assert not is_complete_email("juan..perez@gmail.com")


def test_read_back_email() -> None:
    assert say_email("juan.perez@gmail.com", "es") == "juan punto perez arroba gmail punto com"
    said = say_email("jl_82@yahoo.com.mx", "es")
    assert said == "jota ele guion bajo ocho dos arroba yahoo punto com punto eme equis"
    assert say_email("john.smith@gmail.com", "en") == "john dot smith at gmail dot com"


@pytest.mark.parametrize(
    ("said", "lang", "piece"),
    [("fran punto", "es", "fran."), ("javier sesenta y tres", "es", "javier63"), ("Ere.", "es", "r"),
     ("guion chavez", "es", "-chavez"), ("Derek.", "en", "derek"), ("dot lawson", "en", ".lawson"),
     ("at icloud dot com", "en", "@icloud.com")],
)
def test_email_dictated_in_pieces_keeps_separators(said: str, lang: str, piece: str) -> None:
    assert read_email(said, lang) == piece


@pytest.mark.parametrize(("said", "lang"), [("Ya te lo di.", "es"), ("La carretera de ahí.", "es"),
                                            ("Who is this?", "en"), ("¿Me repites?", "es")])
def test_chatter_and_questions_are_not_email_pieces(said: str, lang: str) -> None:
    assert read_email(said, lang) == ""


def test_lone_initial_before_a_separator_is_a_letter() -> None:
    got = read_email("de guion sepulveda arroba transportesnava punto mx", "es")
    assert got == "d-sepulveda@transportesnava.mx"


@pytest.mark.parametrize(
    ("said", "lang", "email"),
    [("L zee A M you dee I O fifty eight at icloud dot com", "en", "lzamudio58@icloud.com"),
     ("rigoberto salinas all one word at gmail dot com", "en", "rigobertosalinas@gmail.com"),
     ("L A double you S O N at gmail dot com", "en", "lawson@gmail.com"),
     ("erre guion ce hache a ve chica e zeta arroba icloud punto com", "es", "r-chavez@icloud.com"),
     ("a minúscula ere minúscula te minúscula u minúscula erre o arroba gmail punto com", "es",
      "arturo@gmail.com"),
     ("a be grande 12 arroba hotmail punto com", "es", "ab12@hotmail.com"),
     ("de minúscula e erre e ka punto ele a doble ve ese o ene arroba gmail punto com", "es",
      "derek.lawson@gmail.com"),
     ("rigoberto salinas todo junto arroba hotmail punto com", "es", "rigobertosalinas@hotmail.com")],
)
def test_spelled_emails_with_case_words_and_b_v(said: str, lang: str, email: str) -> None:
    assert read_email(said, lang) == email


def test_lone_initial_piece_is_a_letter() -> None:
    assert read_email("de", "es") == "d"


def test_hyphenated_english_number_in_email_is_a_number() -> None:
    assert read_email("ange dot brooks twenty-seven at gmail dot com", "en") == "ange.brooks27@gmail.com"


@pytest.mark.parametrize(
    ("heard", "address"),
    [("Sarah Underscore Nelson 60 heaven at iCloud dot com.", "sarah_nelson67@icloud.com"),
     ("john forty time at aol dot com", "john45@aol.com"),
     ("heaven at gmail dot com", "heaven@gmail.com"),  # no tens before it: a word
     ("bob 60 at gmail dot com", "bob60@gmail.com")],
)
def test_the_unit_after_a_tens_number_written_as_the_word_it_sounds_like_is_that_unit(heard: str,
                                                                                      address: str) -> None:
    # espeak-ng's "sixty seven" through the line
    assert read_email(heard, "en") == address


@pytest.mark.parametrize(
    ("heard", "address"),
    [("Joseph underscore king for at yahoo dot com.", "joseph_king4@yahoo.com"),
     ("November, Alpha, Tango Hotel, Alpha, November, Underscore, Sierra, Mike, India, Tango Hotel,"
      " for at gmail dot com.", "nathan_smith4@gmail.com"),
     ("mike to@gmail.com", "mike2@gmail.com")],
)
def test_a_digit_last_before_the_at_written_as_the_word_it_sounds_like_is_that_digit(heard: str,
                                                                                      address: str) -> None:
    # Kokoro's "king four at yahoo": no connector nor word of an address stands right before the at
    assert read_email(heard, "en") == address


@pytest.mark.parametrize(
    ("heard", "address"),
    [("Mike, India, Charlie, Hotel, Alpha, Echo, Lima, Undercore, Lima, Oscar, November, Golf, 4-5, at yahoo"
      " dot com.", "michael_long45@yahoo.com"),  # espeak-ng, made-up set 70
     ("bob undersore smith at gmail dot com", "bob_smith@gmail.com")],
)
def test_an_underscore_written_a_letter_off_is_the_underscore(heard: str, address: str) -> None:
    assert read_email(heard, "en") == address


@pytest.mark.parametrize(
    ("heard", "address"),
    [("Se polanco arroba yahoo punto com, punto mx.", "cpolanco@yahoo.com.mx"),
     ("Se bonilla arroba gmail punto com.", "cbonilla@gmail.com"),
     ("Se prestinota arroba gmail punto com.", "prestinota@gmail.com")],
)
def test_an_initial_c_written_as_the_pronoun_se_before_a_surname_is_the_c(heard: str, address: str) -> None:
    # Kokoro's "cpolanco": Whisper writes the letter's name "ce" as "se"; before a word no surname is
    # ("prestinota", espeak-ng's "es respinoza"), it stays talk
    assert read_email(heard, "es") == address


@pytest.mark.parametrize(
    ("said", "address"),
    [("hess59@aol.com", "hess59@aol.com"), ("Nope, it's small18@hotmail.com.", "small18@hotmail.com")],
)
def test_an_address_written_whole_keeps_the_word_before_its_digits(said: str, address: str) -> None:
    # (the letters split from the digits are no letter's name, "hess", nor case word, "small")
    assert read_email(said, "en") == address


def test_recognizer_spells_a_word_with_hyphens() -> None:
    assert read_email("J-O-H-N dot smith at gmail dot com", "en") == "john.smith@gmail.com"


def test_guess_the_usual_ending_of_a_known_provider() -> None:
    from daisy.understanding.emails import guess_complete

    assert guess_complete("juan@gmail") == "juan@gmail.com"
    assert guess_complete("juan@gmail.") == "juan@gmail.com"
    assert guess_complete("juan@gmail.com") is None
    assert guess_complete("juan@transportesnava") is None
    assert guess_complete("juan") is None


@pytest.mark.parametrize(
    ("said", "lang", "email"),
    [("mi correo es juan perez arroba gmail punto com pero todo junto", "es", "juanperez@gmail.com"),
     ("oye pues te digo que es juan arroba gmail punto com", "es", "juan@gmail.com"),
     ("juan arroba gmail punto com punto mx gracias", "es", "juan@gmail.com.mx"),
     ("it's john at gmail dot com thank you", "en", "john@gmail.com")],
)
def test_chatter_around_a_whole_address_is_dropped(said: str, lang: str, email: str) -> None:
    assert read_email(said, lang) == email


def test_read_back_spells_initials_and_says_the_rest() -> None:
    assert say_email("jsmith_77@yahoo.com", "en") == "J smith underscore seven seven at yahoo dot com"
    assert say_email("mtorres81@gmail.com", "es") == "eme torres ocho uno arroba gmail punto com"


def test_doubled_letter_in_email() -> None:
    assert read_email("jo doble ele o arroba gmail punto com", "es") == "jollo@gmail.com"


@pytest.mark.parametrize(
    ("said", "address"),
    [("juan.perez@gmail. com", "juan.perez@gmail.com"), ("ana@yahoo .com. mx", "ana@yahoo.com.mx")],
)
def test_dot_spaced_before_domain_ending_is_kept(said: str, address: str) -> None:
    assert read_email(said, "es-MX") == address


@pytest.mark.parametrize(
    ("said", "lang", "address"),
    [("el correo de la empresa, logistica arroba fletes punto mx", "es-MX", "logistica@fletes.mx"),
     ("my work email, john at acme dot com", "en-US", "john@acme.com"),
     ("juan perez, arroba gmail punto com", "es-MX", "juanperez@gmail.com")],
)
def test_talk_before_the_address_is_not_part_of_it(said: str, lang: str, address: str) -> None:
    assert read_email(said, lang) == address


@pytest.mark.parametrize(
    ("said", "lang", "address"),
    [("juan arroba gmail com", "es-MX", "juan@gmail.com"), ("juan at gmail com", "en-US", "juan@gmail.com"),
     ("ramon.ibarra@gmail  com", "es-MX", "ramon.ibarra@gmail.com")],
)
def test_domain_ending_without_its_dot_gets_it_back(said: str, lang: str, address: str) -> None:
    assert read_email(said, lang) == address


@pytest.mark.parametrize(
    ("said", "address"),
    [("el correo de la empresa logistica arroba fletes punto mx", "logistica@fletes.mx"),
     ("mi correo personal es juan arroba gmail punto com", "juan@gmail.com"),
     ("empresa arroba gmail punto com", "empresa@gmail.com")],
)
def test_talk_before_the_address_goes_even_without_commas(said: str, address: str) -> None:
    assert read_email(said, "es-MX") == address


@pytest.mark.parametrize(
    ("said", "lang", "address"),
    [("juan.perez@yahoo.com. mx", "es-MX", "juan.perez@yahoo.com.mx"),
     ("juan arroba fletes mx", "es-MX", "juan@fletes.mx"),
     ("juan at yahoo dot com mx", "en-US", "juan@yahoo.com.mx"),
     ("juan . perez @ gmail . com", "es-MX", "juan.perez@gmail.com"),
     ("Sí. juan arroba gmail punto com.", "es-MX", "juan@gmail.com")],
)
def test_spaced_dots_and_country_endings(said: str, lang: str, address: str) -> None:
    assert read_email(said, lang) == address


@pytest.mark.parametrize("said", ["esas", "Nada más esas.", "nomás eso"])
def test_closing_words_are_no_piece_of_address(said: str) -> None:
    assert read_email(said, "es-MX") == ""


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("gilb punto cardenas 22 arroba hmail punto com", "gilb.cardenas22@gmail.com"),
        ("toma punto aguirre arroba line punto com punto mx", "toma.aguirre@live.com.mx"),
        ("juan arroba hotmal punto com", "juan@hotmail.com"),
        ("juan arroba fletes punto com", "juan@fletes.com"),  # a company's own domain stays
    ],
)
def test_a_provider_bent_by_one_letter_is_that_provider(said: str, email: str) -> None:
    assert read_email(said, "es-MX") == email


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("rachel.miller@iclount.com", "rachel.miller@icloud.com"),
        ("Rachel, not muller at iclount dot com.", "rachel.muller@icloud.com"),
        ("juan at autlock dot com", "juan@outlook.com"),
        ("maria at transportesnava dot mx", "maria@transportesnava.mx"),  # far from any: its own
        ("ana at gnaul dot com", "ana@gnaul.com"),  # short providers stay a letter off at most
    ],
)
def test_a_long_provider_bent_by_two_letters_is_that_provider(said: str, email: str) -> None:
    assert read_email(said, "en-US") == email


@pytest.mark.parametrize(
    ("said", "email"),
    [
        ("My email is Elizabeth Underscore, Lopez4, at eyecloud.com.", "elizabeth_lopez4@icloud.com"),
        ("john at geemail dot com", "john@gmail.com"),
        ("john at eye cloud dot com dot mx", "john@eyecloud.com.mx"),  # no icloud with that ending
    ],
)
def test_a_provider_with_its_first_letter_written_as_its_name_is_that_provider(said: str, email: str) -> None:
    assert read_email(said, "en-US") == email


@pytest.mark.parametrize(
    ("heard", "lang", "address"),
    [
        ("My email is mdashbellatyahoo dot com.", "en", "mdashbell@yahoo.com"),  # "at" run into it
        ("Siemens4D3ADOL.com", "en", "siemens4d3@aol.com"),  # "at aol" heard "adol"
        ("carlagmail.com", "en", "carla@gmail.com"),  # all of "at" run into the name's last a
        ("Aferalta 27 arrola transportezada punto mx.", "es", "aferalta27@transportezada.mx"),
        ("Sofe montoya rola hotmail punto com.", "es", "sofemontoya@hotmail.com"),
        # "arroba" with its "ar" lost, before a provider or a domain that goes on with "punto"
        ("Es catalina punto chava viva roba yahoo punto com, punto mx.", "es",
         "catalina.chavaviva@yahoo.com.mx"),
        ("Es fulio punto miren de esa roba line punto com, punto mx.", "es", "fulio.mirendeesa@live.com.mx"),
        # the "at" lost whole before a provider heard exactly: not "hues98ho" at a "tmail" near gmail
        ("hues98hotmail.com", "en", "hues98@hotmail.com"),
        ("bslodorexhotmail.com", "en", "bslodorex@hotmail.com"),
        # ...after a dot of the address's own (Kokoro's "catherine dot bullock at icloud dot com", made-up
        # set 80)
        ("cashin dot bulletin iCloud dot com.", "en", "cashin.bulletin@icloud.com"),
        ("maria punto lopez hotmail punto com", "es", "maria.lopez@hotmail.com"),
        # heard as "dot" or "not": no address has a well-known provider's domain under another name
        ("It's tenya.shanana.aol.com.", "en", "tenya.shanana@aol.com"),
        ("Lindsey dot contour dot gmail dot com.", "en", "lindsey.contour@gmail.com"),
        ("It's Jack, not Martina, not yahoo dot com.", "en", "jack.martina@yahoo.com"),
        ("juan punto perez punto hotmail punto com punto mx", "es", "juan.perez@hotmail.com.mx"),
    ],
)
def test_an_at_lost_or_bent_before_a_known_provider_is_the_at(heard: str, lang: str, address: str) -> None:
    assert read_email(heard, lang) == address


def test_an_address_with_no_provider_near_keeps_its_dot() -> None:
    assert read_email("juan.perez.com", "en") == "juan.perez.com"


@pytest.mark.parametrize(
    ("heard", "address"),
    [
        ("Y avarete arrola hotmail punto com, arrola hotmail punto com, arrola hotmail punto",
         "avarete@hotmail.com"),  # the last copy cut short
        ("arroba gmail punto com, arroba gmail punto com, arroba cmail punto com", "@gmail.com"),  # bent
        ("arroba gmail punto com, arroba", "@gmail.com"),  # a lone "arroba" left
        ("juan arroba perez arroba gmail punto com", "juan@perez@gmail.com"),  # no echo: refused later
    ],
)
def test_a_domain_whisper_writes_again_after_it_is_said_once(heard: str, address: str) -> None:
    assert read_email(heard, "es-MX") == address


@pytest.mark.parametrize(
    ("heard", "lang", "address"),
    [
        ("Kilo Alfa, Tango India Echo Dot Mike, Oscar Romeo Alfa Lima Echo Sierra, at Yahoo Dotcom.", "en",
         "katie.morales@yahoo.com"),  # Kokoro, made-up set 10
        ("juan arroba gmail puntocom", "es", "juan@gmail.com"),
    ],
)
def test_the_dots_word_glued_between_a_domain_and_its_ending_is_the_dot(heard: str, lang: str,
                                                                         address: str) -> None:
    assert read_email(heard, lang) == address
