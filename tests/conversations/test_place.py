"""A person's place in a conversation, as it is kept in their persisted data."""

import json

from conversations.place import Place

# A place as the bot before `Place` stored it: people mid-flow at a deploy carry on.
STORED_BEFORE = {
    "at": "yp:mood",
    "flow": "yp",
    "step": "mood",
    "audience": "teen",
    "response_id": 7,
    "review_id": None,
    "history": ["consent", "age"],
    "selected": [],
    "typed": {"31": "good"},
    "seen": 1_700_000_000.0,
    "language": "pl",
}


def test_a_place_stored_by_the_earlier_bot_reads_the_same():
    place = Place(json.loads(json.dumps(STORED_BEFORE)))

    assert place.at == "yp:mood" and place.flow_and_step == ("yp", "mood")
    assert (place.flow_id, place.step_id) == ("yp", "mood")
    assert place.audience == "teen" and place.response_id == 7 and place.review_id is None
    assert place.can_go_back and place.step_typed_in(31) == "good"


def test_going_back_takes_the_last_answered_step_off_and_stops_at_the_first():
    data = dict(STORED_BEFORE, history=["consent", "age"])
    place = Place(data)

    assert place.go_back() == "age"
    assert place.go_back() == "consent"
    assert not place.can_go_back


def test_leaving_a_flow_forgets_the_place_but_not_their_language():
    data = json.loads(json.dumps(STORED_BEFORE))
    place = Place(data)
    place.put_under("yp:mood")
    place.start_editing()

    place.clear()

    assert not place.asked and place.response_id is None and not place.can_go_back
    assert place.take_under() is None and not place.take_editing()
    assert data == {"seen": 1_700_000_000.0, "language": "pl"}


def test_starting_a_flow_begins_with_nothing_answered():
    place = Place(json.loads(json.dumps(STORED_BEFORE)))

    place.start("pc", audience="parent", review_id=3, now=5.0)

    assert place.flow_id == "pc" and place.audience == "parent" and place.review_id == 3
    assert place.response_id is None and not place.can_go_back and place.selected == []
    assert place.seen_at(9.0) == 5.0


def test_a_flag_is_taken_once_and_an_old_true_flag_still_flags_without_an_event():
    place = Place({})
    place.flag_next_answer(12)
    assert place.take_flag() == (True, 12)
    assert place.take_flag() == (False, None)

    assert Place({"flag_next_answer": True}).take_flag() == (True, None)


def test_what_waits_under_an_aside_comes_back_once():
    place = Place({"at": "yp:mood"})
    place.put_under("yp:mood")
    place.at = "forget:confirm"

    assert place.take_under() == "yp:mood"
    assert place.take_under() is None


def test_the_review_screen_is_known_from_the_place():
    place = Place({})
    place.asking("pr", "_review")
    place.at = "pr:_review"

    assert place.on_review and not Place({"at": "pr:q1"}).on_review
