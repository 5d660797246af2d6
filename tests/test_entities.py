"""Names: found in any form, linked to the register, decided by context, or recorded for an editor."""

from __future__ import annotations

from .conftest import message, tei_of, xp

FORM = "CIPHERED TELEGRAM # 1/sh\n\nFrom: PYONGYANG\n\nSent on 09/29/50 at 20:23 p.m.\n\n"


def refs(text: str, element: str) -> list[tuple[str, str]]:
    """(text, register entry name) of every element of that kind in the body."""
    root = tei_of(text)
    out = []
    for el in xp(root, f"//t:text//t:{element}"):
        target = xp(root, f"//*[@xml:id='{el.get('ref')[1:]}']/*[@type='regularised']")
        out.append(("".join(el.itertext()), target[0].text if target else None))
    return out


def test_a_register_name_is_linked_with_its_regularised_form():
    assert ("STALIN", "Joseph Stalin") in refs(FORM + "I met Comrade STALIN yesterday.", "persName")


def test_russian_name_in_the_dative_is_linked():
    assert ("СТАЛИНУ", "Joseph Stalin") in refs("Передаю письмо товарищу СТАЛИНУ лично и срочно сегодня.", "persName")


def test_hyphenated_russian_korean_name_in_the_instrumental_is_linked():
    found = refs("Письмо вручено мне лично ПАК-ХЕН-ЕНОМ сегодня вечером в городе.", "persName")
    assert found and found[0][0] == "ПАК-ХЕН-ЕНОМ" and "Pak" in found[0][1]


def test_letter_spaced_signature_is_linked():
    text = FORM + "I met the chairman of the committee upon his request and we spoke at length.\n\nS H T Y K O V\n"
    assert ("S H T Y K O V", "Terentii Shtykov") in refs(text, "persName")


def test_mccune_reischauer_with_diacritics_is_linked():
    found = refs(FORM + "PAK HÒN-YÒNG was present at the meeting with the chairman.", "persName")
    assert found and "Pak" in found[0][1]


def test_code_name_is_linked_to_the_person():
    assert ("Filippov", "Joseph Stalin") in refs(FORM + "Your telegram was reported to Filippov today.", "persName")


def test_longest_match_wins_over_a_shorter_name_inside_it():
    found = refs(FORM + "Units of the Korean People's Army are fighting near the river.", "orgName")
    assert found and found[0][0] == "Korean People's Army"
    assert not any(t == "Korea" for t, _ in refs(FORM + "Units of the Korean People's Army fight.", "placeName"))


def test_korea_inside_north_korea_is_not_tagged_twice():
    found = refs(FORM + "The enemy advanced into North Korea from the south.", "placeName")
    assert [t for t, _ in found if "Korea" in t] == ["North Korea"]


def test_family_name_alone_refers_to_the_person_named_in_full():
    text = FORM + "KIM IL SUNG met me. It was obvious that they [Kim and Pak - AM] were nervous; PAK HÒN-YÒNG too."
    names = refs(text, "persName")
    kim = [n for t, n in names if t == "Kim"]
    assert kim and kim[0] == "Kim Il Sung"


def test_clerk_of_a_stamp_unknown_to_the_register_is_recorded_for_review():
    root = tei_of(FORM + "Deciphered by Vakushin on 09/30/50 at 15:50 p.m.\n")
    [clerk] = xp(root, "//t:ab[@subtype='deciphered']/t:persName")
    entry = xp(root, f"//t:person[@xml:id='{clerk.get('ref')[1:]}']")[0]
    assert (clerk.text, clerk.get("cert"), entry.get("cert")) == ("Vakushin", "low", "low")


def test_russian_clerk_gets_a_latin_regularised_name():
    root = tei_of("Расшифровал 1.10.50 г. 0.35 Михайленко\n")
    [clerk] = xp(root, "//t:ab[@subtype='deciphered']/t:persName")
    assert xp(root, f"string(//t:person[@xml:id='{clerk.get('ref')[1:]}']/t:persName[@type='regularised'])") \
        == "Mikhaylenko"


def test_capitals_after_a_place_cue_are_a_place():
    text = FORM + "The enemy is moving to cut off the Second Army by its breakthrough toward P'UNGGI and XANADUO."
    assert [t for t, _ in refs(text, "placeName") if t == "XANADUO"] == ["XANADUO"]


def test_unknown_capitals_before_a_verb_of_saying_are_a_person():
    assert [t for t, _ in refs(FORM + "Then ZABOROVSKY told me the news about the front.", "persName")] == [
        "ZABOROVSKY"]


def test_a_gloss_names_the_same_entity_as_the_name_it_follows():
    root = tei_of(FORM + "The situation near JIJYONG [TISENG] is murky and the troops are tired of it.")
    places = xp(root, "//t:text//t:p//t:placeName")
    assert [p.text for p in places] == ["JIJYONG", "TISENG"] and len({p.get("ref") for p in places}) == 1


def test_every_ref_resolves_to_an_entry_of_the_same_file():
    root = tei_of(FORM + "KIM IL SUNG asked Comrade ZUBOV about the 38th parallel and Seoul.")
    ids = set(xp(root, "//@xml:id"))
    assert all(r[1:] in ids for r in xp(root, "//@ref"))


def test_names_in_the_citation_are_linked():
    text = ("September 29, 1950\n\nTitle\n\nCitation:\n\n\"Title\", September 29, 1950, Wilson Center Digital "
            "Archive, APRF, fond 45, opis 1, delo 347.\n\nCIPHERED TELEGRAM # 1/sh\n")
    root = tei_of(text)
    orgs = [el.text for el in xp(root, "//t:teiHeader//t:note[@type='citation']//t:orgName")]
    assert "Wilson Center Digital Archive" in orgs and "APRF" in orgs


def test_a_place_in_the_name_of_a_convention_is_not_a_place_mention():
    assert refs(FORM + "Prisoners of war are to be exchanged on the basis of the Geneva convention.",
                "placeName") == [("PYONGYANG", "Pyongyang")]


def test_a_cover_designation_in_the_from_stamp_is_a_name_not_a_place():
    root = tei_of("CIPHERED TELEGRAM No. 502597/sh\n\nFrom Correspondent 20 Sent 17.7.52 18:45\n\nText.\n")
    assert xp(root, "string(//t:text//t:name[@type='cover'])") == "Correspondent 20"
    assert xp(root, "//t:text//t:placeName") == []  # (the correspDesc names it as the place sent from)


def test_a_cable_sent_from_a_cover_designation_takes_its_place_from_the_dateline_marked_inferred():
    root = tei_of("CIPHERED TELEGRAM No. 502597/sh\n\nFrom Correspondent 20 Sent 17.7.52 18:45\n\n"
                  "The enemy has broken through near Kaesong and our troops are falling back to new lines.\n\n"
                  "RAZUVAEV\n\nPyongyang 16.7.52.\n")
    place = xp(root, "//t:correspAction[@type='sent']/t:placeName")
    assert [(p.get("ref"), p.get("cert")) for p in place] == [("#place_pyongyang", "medium")]


def test_an_abbreviation_with_a_possessive_typed_without_apostrophe_is_linked():
    assert refs(FORM + "The WPKs Political Council met.", "orgName") == [("WPKs", "Workers' Party of Korea")]


def test_a_closing_bracket_of_a_party_name_is_inside_the_name():
    assert [t for t, _ in refs(FORM + "Copy to the CC VKP(b) archive.", "orgName")] == ["CC VKP(b)"]


def test_a_chinese_name_pymorphy_does_not_know_is_inflected_by_analogy():
    assert refs(FORM + "Передайте товарищу Пэн Дэхуаю.", "persName") == [("Пэн Дэхуаю", "Peng Dehuai")]


def test_a_files_entry_holds_the_forms_it_uses_and_points_at_the_register():
    root = tei_of("I met Comrade FILIPPOV and discussed the situation at the front with him at length yesterday.")
    person = xp(root, "//t:person[@xml:id='pers_stalin']")[0]
    assert person.get("sameAs") == "register:pers_stalin"
    assert xp(person, "t:persName/text()") == ["Joseph Stalin", "FILIPPOV"]
    assert xp(person, "t:persName[2]/@subtype") == ["code-name"]
    assert xp(root, "//t:prefixDef[@ident='register']/@replacementPattern") == ["../register/register.xml#$1"]


def test_a_local_entry_of_a_cyrillic_name_has_an_id_from_its_latin_spelling():
    root = tei_of("Расшифровал Михайленко 30.9.50")
    assert xp(root, "//t:person/@xml:id") == ["pers_local_mikhaylenko"]


def test_latin_lookalike_letters_in_russian_text_are_read_as_cyrillic():
    from tei_cables.tag.normalize import fold

    assert fold("начальник штаба HAM ИР")[0] == "начальник штаба нам ир"


def test_a_latin_word_in_english_text_is_left_alone():
    from tei_cables.tag.normalize import fold

    assert fold("I met HAM at home")[0] == "i met ham at home"


def test_a_word_mixing_scripts_is_read_in_cyrillic():
    from tei_cables.tag.normalize import fold

    assert fold("ТEКСТ")[0] == "текст"  # a Latin E among Cyrillic letters


def test_a_folded_character_points_back_at_its_source_across_closed_up_spaces():
    from tei_cables.tag.normalize import fold

    folded, index = fold("  Kim,  Il   Sung. ")
    assert folded == "kim il sung"
    assert list(index) == [2, 3, 4, 5, 8, 9, 10, 13, 14, 15, 16]  # a run of spaces points at its first


def test_a_folded_character_points_back_at_its_source_across_a_dropped_possessive():
    from tei_cables.tag.normalize import fold

    folded, index = fold("Hŏn's  wife")
    assert folded == "hon wife" and list(index) == [0, 1, 2, 5, 7, 8, 9, 10]


def test_a_name_glued_to_an_underscore_is_part_of_another_word():
    assert xp(tei_of("FILE_UN is closed.\n"), "//t:text//t:orgName") == []


def test_a_plural_russian_name_is_found_in_its_oblique_cases():
    root = tei_of(message("передаю сообщение от китайских народных добровольцев.", russian=True))
    assert xp(root, "//t:text//t:orgName/@ref") == ["#org_cpv"]


def test_a_russian_name_whose_head_word_alone_declines_is_found():
    root = tei_of(message("указ был принят Президиумом Верховного народного собрания КНДР.", russian=True))
    assert len(xp(root, "//t:text//t:orgName[contains(., 'Президиумом')]")) == 1


def test_unknown_capitals_before_a_russian_verb_of_saying_are_a_person():
    root = tei_of(message("вчера ЗАБОРОВСКИЙ доложил о положении.", russian=True))
    assert xp(root, "//t:text//t:persName[. = 'ЗАБОРОВСКИЙ']/@cert") == ["low"]


def test_an_adjective_of_nationality_is_not_a_place():
    root = tei_of(FORM + "The Soviet and Korean officers and the советские специалисты met at the front.")
    assert xp(root, "//t:text//t:p//t:placeName") == []


def test_a_russian_rank_before_a_name_makes_it_a_person():
    root = tei_of(message("вчера полковник ЗАБОРОВ прибыл на фронт.", russian=True))
    assert xp(root, "//t:text//t:persName[. = 'ЗАБОРОВ']/@cert") == ["low"]


def test_a_word_inside_an_organisations_name_is_not_tagged_again():
    root = tei_of(FORM + "Yesterday the Ministry of Foreign Affairs of the USSR informed the embassy of the decision "
                         "taken by the government on the matter.")
    org = xp(root, "//t:text//t:p/t:orgName")[0]
    assert org.text.startswith("Ministry") and xp(org, ".//t:placeName | .//t:orgName") == []
