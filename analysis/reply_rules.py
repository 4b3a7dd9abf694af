"""The rules that read a reply that is not plain, one function each, tried in the order
`analysis.replies.RULES` lists: a correction, a condition, a reason that takes the answer
back, two answers at once, sarcasm. Each takes the `Reply` (the reply as typed and its
normalised views) and gives a `Reading`, or None to leave it to the next rule. What a plain
answer means is `analysis.reply_answers`; a reply between two buttons, or one person yes
and another no, `analysis.reply_mixed`. Pure."""

from __future__ import annotations

import re

from analysis.reply_mixed import one_yes_another_no, which_of_them
from analysis.reply_numbers import RATING
from analysis.reply_shapes import (
    ABOUT_THE_SYSTEM,
    AGREED,
    ALWAYS_A_COMPLAINT,
    ANOTHER_QUESTION,
    ARGUES,
    BETTER_THAN_BEFORE,
    BETWEEN_TWO_NOTS,
    CONCLUDED,
    CONDITIONAL,
    CONTRAST,
    CORRECTED,
    DID_AS_THEY_LIKED,
    DISAGREES,
    DOUBLE_NEGATIVE,
    EMPHATIC_NO,
    EXPECTED_BUT,
    FOR_A_WHILE,
    HALF_AN_ANSWER,
    HEARD_NOT_LISTENED,
    IN_BETWEEN,
    IN_PLACES,
    IN_TURN,
    MIXED,
    MOCKING_REASON,
    NEITHER_SO,
    NEVER_FELT_BAD,
    NO_LONGER,
    NOT_SINCE,
    NOT_THIS_BUT,
    OLD_AND_NEW,
    ON_PAPER,
    ONE_YES_ONE_NO,
    OWN_BIAS,
    OWN_WORK,
    PERSON_YES_PERSON_NO,
    REALISTICALLY,
    SARCASM,
    SECOND_GUESS,
    THEN_AND_NOW,
    TURNED_ROUND_AT_THE_END,
    TURNS_SOMETHING_ROUND,
    WHAT_YOU_MEAN,
    WHO_SEES,
    WISHED,
    WISHED_SO,
    WORRIED,
    YES_AND,
)
from analysis.reply_speakers import (
    ANOTHER_THEN_ME,
    FOR_SOMEONE,
    MINE_AFTER,
    NAME_NOT_MET,
    NOT_FROM_ONE,
    NOT_WHO,
    SOMEONE_ELSES,
    THEIR_CHILDREN,
)
from analysis.reply_words import (
    EXPLAIN,
    FRANKLY,
    HEDGES,
    NO_WORDS,
    SKIP,
    SO_MUCH,
    YES_WORDS,
    Reading,
    intents,
    normalise,
)
from analysis.spoken_numbers import spoken_numbers
from analysis.typed_reply import (
    Reply,
    split_reason,
)

# Said between answers by someone changing their mind aloud: "Yes. No. Oh go on, yes."
CHANGING_MIND = frozenset({"oh", "go", "on", "well", "thanks", "please", "ta", "actually", "wait"})


def expected_then_found(reply: Reply) -> Reading | None:
    """ "I expected the worst but they were very good": what they found. Where what
    they found has a "not" in it, it may turn the expectation round, not answer the
    question ("I expected to be judged but I wasn't once"): ask."""
    expected = EXPECTED_BUT.search(reply.typed)
    if not expected:
        return None
    if TURNS_SOMETHING_ROUND.search(expected["rest"]):
        return Reading()
    found = reply.read(expected["rest"])
    return found if found.choice else None  # "… but now I do": the other rules


def said_again(reply: Reply) -> Reading | None:
    """ "no wait yes", "good no actually great": the last part, if it says anything."""
    corrected = CORRECTED.split(reply.raw)[-1].strip(" ,.!")
    if corrected and CORRECTED.search(reply.raw):
        said_last = reply.read(corrected)
        if said_last != Reading():  # not "never actually met my PA"
            return said_last
        # "Yes... no actually, I've had enough contact for a lifetime": the no corrects
        marker = list(CORRECTED.finditer(reply.raw))[-1]
        if re.match(r"(?i)no\b", marker.group()) and "no" in reply.values:
            before = reply.read(reply.raw[: marker.start()])
            if before.choice in reply.standing_for("yes"):
                return Reading(choice="no")
    # "Yes. No. Oh go on, yes.", "yep, no, yep": minds changed aloud; the last answer
    parts = [part for part in re.split(r"[,.;!]+", reply.raw) if part.strip()]
    only_yes_and_no = set(reply.typed.split()) <= YES_WORDS | NO_WORDS | CHANGING_MIND
    if len(parts) >= 3 and only_yes_and_no:
        said = [reply.read(part).choice for part in parts]
        if said[-1] in said[:-1] and len(set(said[:-1]) - {None}) >= 2:
            return Reading(choice=said[-1])
    # "IRO, not the family": who they are, not who they are not (but "Mum of 3 and my
    # eldest is filling this in with me" asks who is answering: `reply_mixed.two_at_once`)
    if reply.about_the_speaker and not FOR_SOMEONE.search(reply.typed):
        rest = THEIR_CHILDREN.sub(r"\1", NOT_WHO.sub(" ", reply.raw)).strip(" ,.;!")
        said_rest = reply.read(rest) if rest and rest != reply.raw else Reading()
        # "the child" alone is who they are here; "a young carer" alone is read as typed
        kind = r"(?:the|a|an) " if rest != reply.raw else r"the "
        if not said_rest.choice and re.match(kind, rest.lower()):
            said_rest = reply.read(f"I'm {rest}")  # "not the parent, the child lol": I'm the child
        if said_rest.choice:
            return said_rest
    # "terrible. well not terrible, just not great": what it is, after what it is not.
    what_it_is = NOT_THIS_BUT.search(normalise(reply.raw))
    if what_it_is:
        said_is = reply.read(what_it_is["rest"] or what_it_is["ish"])
        if said_is.choice or not what_it_is["no"]:  # not "no not really, just tired"
            return said_is
    not_at_all = TURNED_ROUND_AT_THE_END.search(reply.raw)  # "they respect me loads... NOT"
    before_it = reply.raw[: not_at_all.start()] if not_at_all else ""
    turned = not_at_all and not before_it.isupper() and "no" in reply.values  # "NO THEY DID NOT"
    said_before = reply.read(before_it) if turned else Reading()  # "they listened... not"
    if {said_before.choice, *said_before.could_be} & set(reply.standing_for("yes")):
        return Reading(choice="no")
    in_places = IN_PLACES.search(reply.raw) and reply.in_words
    whole = IN_PLACES.sub(" ", reply.raw).strip(" ,.;") if in_places else ""
    said_whole = reply.read(whole) if whole else Reading()  # "Outstanding in places, good overall"
    if said_whole.choice:
        return said_whole
    concluded = CONCLUDED.search(reply.raw.lower())  # "… I feel totally safe so yes"
    if concluded and concluded["last"] and len(reply.raw[: concluded.start()].split()) < 3:
        concluded = None  # "Yes. No.": two answers, not a story and its answer
    said_last = Reading()
    if concluded:  # as typed: "…, so RI" (the bot reads "RI" in capitals only)
        said_last = reply.read(reply.raw[slice(*concluded.span(concluded.lastgroup or 0))])
    if said_last.choice:
        return said_last
    realistically = REALISTICALLY.search(reply.typed)  # "like to say outstanding but …"
    if realistically:
        return reply.read(realistically["rest"])
    on_paper = ON_PAPER.search(reply.raw)  # "on paper yes, in reality no"
    said_in_truth = reply.read(on_paper["rest"]) if on_paper else Reading()
    if said_in_truth.choice:
        return said_in_truth
    between = BETWEEN_TWO_NOTS.search(reply.typed)  # "Not inadequate, but not good either"
    ends = [reply.read(between[end]).choice for end in ("one", "other")] if between else []
    if ends and None not in ends:
        first, last = sorted(reply.values.index(str(end)) for end in ends)
        if last - first == 2:
            return Reading(choice=reply.values[first + 1])
    left = NEITHER_SO.search(reply.typed)  # "Not outstanding, not RI, so good"
    said_left = reply.read(left["rest"]) if left else Reading()
    return said_left if said_left.choice else None


# Two negatives waved away, then the answer: "its not like they dont respect me, they do,
# always", "It's not that I'm not happy to... go on then".
_NOT_THAT_THEN = re.compile(
    r"^(?:its |it was |it is )?not (?:that|like) [^,.;…]*?"
    r"\b(?:dont|didnt|doesnt|isnt|wasnt|arent|werent|cant|not|never)\b[^,.;…–—]*"
    r"[,.;…–—-]+\s*(?:but\s+)?(?P<answer>\w.*)$"
)

# What they would have said once: "I would have said yes last month". And now? Ask.
_WOULD_HAVE_SAID = re.compile(r"\b(?:id|i would|i wouldve|i would of|id of) (?:have )?said\b")

# Now, and at the last place: "I do now I've moved. didn't at my last place".
_NOW_NOT_THERE = re.compile(
    r"\bnow\b.*\b(?:my|the|me) (?:last|old|other|previous) (?:place|placement|home|house|carers?)\b"
)

# "yes but not why it was made": Yes, or Partly? Authors split: ask. (Not "understood …")
_YES_NOT_WHY = re.compile(
    r"^(?:yes|yeah|yep|yh)\W+(?:(?:to )?the plan\W+)?(?:but )?not (?:the )?why\b"
)

# Two negatives in a feeling: "I never felt they didn't", "I'd not say I was
# disrespected". Yes, or something less? Ask.
_NEVER_FELT_NOT = re.compile(
    r"\bnever felt (?:like )?(?:they|she|he|it|i was) (?:didnt|dont|wasnt|werent|did not)\b"
    r"|^(?:i )?wouldnt say (?:i|they|it|she|he) (?:was|were|felt|am|is) (?:dis|un)\w+"
)
# Only a comparison: "understood it better than the one from my last LA", "As good as any
# case I've had". Better than that, but how good? Ask.
_ONLY_COMPARED = re.compile(
    r"^(?:i )?(?:understood|understand|get|got|know|knew) (?:it|them|her|him) better than\b"
    r"|^(?:its |it was |every bit )?as (?:good|bad) as (?:any|ever|my|our|the)\b"
)
# A grade for before a change and one for since: "Before the change of SW inadequate,
# since then good". Which is the work's? Ask.
_BEFORE_AND_SINCE = re.compile(r"\bbefore\b.*\bsince (?:then|that)\b")
# An answer meant for another question, then this one's: "sorry thought this was the
# listening one - sometimes. respect wise, yes always". The last part, if it answers.
_THOUGHT_IT_WAS = re.compile(r"\bthought (?:this|it) was (?:the|a) \w+ (?:one|question|bit)\b")


def not_plain(reply: Reply) -> Reading | None:
    """A yes on a condition, two negatives, someone else's view or worker: ask. But
    "never felt ignored once" is a yes, and "bad at first, now good" what is so now."""
    typed = reply.typed
    if _NEVER_FELT_NOT.search(typed) or _ONLY_COMPARED.search(typed):
        return Reading()
    if reply.in_words and _BEFORE_AND_SINCE.search(typed):
        return Reading()
    if _THOUGHT_IT_WAS.search(typed):
        last = re.split(r"[.;!]\s+", reply.raw.strip(" .!"))[-1]
        said_last = reply.read(re.sub(r"^\s*\w+[ -]?wise\b\W*", "", last, flags=re.I))
        return said_last if said_last.choice and last != reply.raw.strip(" .!") else Reading()
    no_longer = NO_LONGER.search(typed) or _WOULD_HAVE_SAID.search(typed)
    taken_back = CONTRAST.search(typed) or FOR_A_WHILE.search(typed) or no_longer
    if NEVER_FELT_BAD.search(typed) and not taken_back:
        yes = reply.standing_for("yes")
        return Reading(choice=yes[0]) if len(yes) == 1 else Reading()
    then_and_now = THEN_AND_NOW.search(typed) or _NOW_NOT_THERE.search(typed)
    if then_and_now and "?" not in reply.raw:  # not "where i live now or before?"
        clauses = re.split(r"[,.;]|\bbut\b", reply.raw.lower())
        now = next((c for c in clauses if re.search(r"\bnow\b", c)), "")
        said_now = reply.read(re.sub(r"\bnow\b", " ", now)) if now.strip() else Reading()
        up_to_now = re.match(r"(.*\w.*)\bnow\b(?= (?:i|ive|im|we|weve|that|since)\b)", now)
        if up_to_now and not said_now.choice:  # "I do now I've moved": "I do"
            said_now = reply.read(up_to_now[1])
        # "they do now, didnt before" is not "Yes, always": ask.
        not_always = reply.always_yes and said_now.choice in reply.standing_for("yes")
        not_always = not_always and not re.search(r"\b(?:always|all the time|every time)\b", now)
        if reply.about_the_speaker and not said_now.choice:
            return None  # "I'm his dad. Wasnt around at the start but I am now": his dad
        return said_now if said_now.choice and not not_always else Reading()
    own = OWN_WORK.search(reply.raw) if reply.in_words else None
    said_own = reply.read(own["grade"]) if own else Reading()
    if said_own.choice:  # "thresholds are wrong across the service, but my work here was RI"
        return said_own
    if reply.in_words and ABOUT_THE_SYSTEM.search(typed):
        return Reading()  # "the whole front door is inadequate, this family got caught in it"
    if WORRIED.search(typed) or WHAT_YOU_MEAN.search(typed):
        return Reading()  # "im scared to press yes", "polite, if that's what you mean"
    if HALF_AN_ANSWER.search(typed) or NOT_FROM_ONE.match(typed) or NAME_NOT_MET.search(typed):
        return Reading()  # "not by the social worker, no": by the others, then?
    if _YES_NOT_WHY.match(typed):
        return Reading()  # "yes but not why it was made"
    pointed_away = ANOTHER_QUESTION.search(typed) or DID_AS_THEY_LIKED.search(typed)
    if pointed_away and reply.first not in NO_WORDS:
        return Reading()  # "I already said no to the last question"; not "no, they did …"
    if HEARD_NOT_LISTENED.search(typed) and "no" in reply.values:
        return Reading(choice="no")  # "they hear me but they dont listen"
    if NOT_SINCE.search(typed) and "no" in reply.values:
        # "not since the last one left"; "…, someone new maybe" may have one now: ask
        return Reading() if set(typed.split()) & HEDGES else Reading(choice="no")
    if WISHED.search(typed):  # "wish i did tho": no; "I wish I could say outstanding": ask
        wished_so = WISHED_SO.search(typed) and "no" in reply.values
        return Reading(choice="no") if wished_so else Reading()
    plain_lower = reply.raw.lower().replace("'", "")
    answer, reason = split_reason(reply.raw)
    while reason and set(normalise(answer).split()) <= FRANKLY:
        answer, reason = split_reason(reason)  # "Honestly, outstanding - the family said so"
    if reason and AGREED.search(normalise(reason)) and not CONTRAST.search(typed):
        agreed = reply.read(answer)  # "good, and if Ofsted walked in theyd say the same"
        return agreed if agreed.choice else Reading()
    waved_away = _NOT_THAT_THEN.match(plain_lower)
    said_after = reply.read(waved_away["answer"]) if waved_away else Reading()
    if said_after.choice:
        return said_after
    if CONDITIONAL.search(reply.typed) or DOUBLE_NEGATIVE.search(plain_lower):
        return Reading()  # "yes if someone explains it first", "i dont not understand it"
    if ALWAYS_A_COMPLAINT.search(typed):  # "they were always on their phones": not "always"
        # "no", or "not at all, I was always the last to know": a no
        said_no = reply.first in NO_WORDS or (reason and reply.read(answer).choice == "no")
        return Reading(choice="no") if said_no and "no" in reply.values else Reading()
    mine = ANOTHER_THEN_ME.search(plain_lower)  # "my brother knows his, i dont … who mine is"
    if mine:
        said_mine = reply.read(mine["mine"])
        return said_mine if said_mine.choice else Reading()
    mine = MINE_AFTER.search(reply.raw)  # "my manager says good, I'd say RI": their own
    others = SOMEONE_ELSES.search(reply.typed)
    if others and reason and not SOMEONE_ELSES.search(normalise(answer)):
        # "outstanding, family said it changed things": what someone said, as the reason
        said = reply.read(reason)
        if reply.read(answer).choice and said == Reading() and not intents(normalise(reason)):
            others = None
    if others and mine and not re.search(r"\b(?:wife|husband|partner)\b", typed):
        said_mine = reply.read(mine["mine"])  # (a partner's view is the family's too: ask)
        if said_mine.choice:
            return said_mine
    if others:
        if re.search(r"\bbut not mine$", reply.typed) and "no" in reply.values:
            return Reading(choice="no")  # "i know who my brothers worker is but not mine"
        return Reading()  # "my manager would say good", "i know my brothers worker"
    if no_longer:
        # "used to be awful, now its alright": what is so now, if it says; else ask.
        _, now = split_reason(re.sub(r"\s+but\s+", ", ", reply.raw, count=1))
        return reply.read(now) if now else Reading()
    return None


def answer_then_reason(reply: Reply) -> Reading | None:
    """ "inadequate - drift and delay", "terrible, PA never answers": the answer first,
    unless the reason names another button or takes the answer back."""
    answer, reason = split_reason(reply.raw)
    while reason and set(normalise(answer).split()) <= FRANKLY:
        answer, reason = split_reason(reason)  # "Honestly, RI. The plan drifted …"
    after = normalise(reason)
    if reason.rstrip().endswith("?"):  # "yes. can i change my worker though?": a question
        after = re.sub(r" (?:though|tho)$", "", after)  # of their own, not a "but"
    lower = reply.raw.lower()
    two_sided = MIXED.search(reply.typed) or ONE_YES_ONE_NO.search(lower)
    two_sided = two_sided or PERSON_YES_PERSON_NO.search(lower)  # "my SSW always, the duty …"
    # "first sw was brilliant, new one is useless" (not "brilliant since I got my new worker")
    # ("better than my last worker, she NEVER listened. this one does": which, now? ask)
    old_then_new = re.search(r"\b(?:first|old|previous|last)\b", normalise(answer)) and re.search(
        r"\b(?:new|second|next|current|this) (?:one|worker|sw)\b", after
    )
    two_sided = two_sided or old_then_new
    if which_of_them(reply):
        return None  # "I AM FOSTER CARER. THE BOY IS WITH ME HE WANT TO SAY": which of them?
    # "oh fab, another new worker 🙄": not fab. ("yeah right, like they cared" is read.)
    # (over the whole: "Yeah, right" is split at its comma)
    rolled_eyes = bool(SARCASM.search(reply.typed)) and not SARCASM.search(normalise(answer))
    rolled_eyes = rolled_eyes or bool(MOCKING_REASON.match(after))  # "super safe, thats why"
    if RATING.search(reply.core) and re.search(r"\d", after):
        return None  # "4 out of 5 would be generous, so 3": which number?
    # A "but" in a grade's reason, or beside who they are, is the story, not the answer:
    # "Inadequate. I'm not proud of it, but visits weren't happening"; yet "yes, but …"
    # and "good, apart from the recording" ask.
    story = reply.about_the_speaker or (reply.in_words and not CONTRAST.match(after))
    story = story or bool(OWN_BIAS.match(after))  # "Good, though I'm biased!"
    if not reason or not reply.inside or (CONTRAST.search(after) and not story) or rolled_eyes:
        return None
    if re.match(r"not\b", normalise(answer)) and re.match(r"not\b", after):
        return None  # "not great, not terrible": neither, read whole
    if re.search(r"\bcould be\b", normalise(answer)) and re.match(r"(?:it )?could be\b", after):
        return Reading()  # "Could be better, could be worse", "…, could be inadequate": which?
    labelled = re.match(r"[^,.;:]{2,30}:", answer) and re.match(r"\s*[^,.;:]{2,30}:", reason)
    rated = not reply.standing_for("yes")  # ("worker: yes, manager: no" is Sometimes)
    if labelled and rated and reply.read(reason) != reply.read(answer):
        return Reading()  # "Family support: brilliant. Social worker: didn't turn up."
    first_part = reply.read(answer)
    a_few = re.match(r"(?:only )?(?:one or two|a couple|a few|some)(?: of them)?\b", after)
    if a_few and first_part.choice in reply.between:
        return first_part  # "mostly yeah, one or two looked down on us": the few are why
    for_each = re.search(r"\bfor\b", answer) and re.search(r"\bfor\b", reason)
    if for_each and first_part.choice:
        other_grade = reply.read(reason).choice not in (None, first_part.choice)
        # "Nothing for my son", "Amazing for my son, useless for my daughter"
        if PERSON_YES_PERSON_NO.search(lower):  # "yes for my eldest's worker, no for …"
            return one_yes_another_no(reply)
        if other_grade or re.match(r"(?:nothing|not|no|never|useless|pointless)\b", after):
            return Reading()  # "outstanding for the child, RI for the parents' side": which?
    if re.search(r"[,.] *(?:does|do|is|would|am) (?:that|this|it|i) count as [^,.]* or ", lower):
        return Reading()  # "17, does that count as young person or parent": which, they ask
    if first_part.choice == "agree" and WHO_SEES.search(after):
        return Reading()  # "I suppose, as long as it stays private": who sees it, answered
    if OWN_BIAS.match(after) and first_part.choice:
        return first_part  # "Yes always - but I'm biased, I got what I wanted in the end"
    two_questions = len(normalise(answer).split()) > 1  # not "plan?? what plan": an echo
    if two_questions and first_part.intent == EXPLAIN and reply.read(reason).intent == EXPLAIN:
        return first_part  # "harmed how? what counts": two questions about the question
    if re.match(r"(?:unlike|more than|better than)\b", after) and first_part.choice:
        return first_part  # "yes, unlike school who never tell us anything": someone else
    if two_sided:  # "Partly. The what yes, the why no.": the in-between, said again
        if first_part.choice in reply.between:
            return first_part
        compared = re.match(r"(?:\w+ )?(?:better|worse) than\b", normalise(answer))
        if old_then_new and compared:
            return Reading()
        # "My worker did, her manager spoke down to me": not the manager's alone
        return one_yes_another_no(reply) if PERSON_YES_PERSON_NO.search(lower) else None
    rest = reply.read(reason)
    # "proper shite, worst ever": the reason says which of the two; but a yes after a
    # tentative one ("I think so, yes") is still tentative (the reading policy); "its
    # fine, they always do" is not
    strong = bool(set(after.split()) & SO_MUCH)
    yes = reply.standing_for("yes")
    settles = rest.choice in first_part.could_be and (rest.choice not in yes or strong)
    if not first_part.choice and rest.choice and settles:
        return rest
    other = reply.named_by(intents(after))
    other |= {*rest.could_be, *([rest.choice] if rest.choice else [])}  # "…, RI for recording"
    # "yes, eventually", "I know my brothers worker, not mine": the reason takes it back;
    # but "partly, not why" is partly, and "nah, not with him there" no.
    takes_back = (
        (IN_BETWEEN.search(after) and not BETTER_THAN_BEFORE.match(after))
        or FOR_A_WHILE.search(after)  # "yes I do. well I did till she went off sick"
        or SECOND_GUESS.search(after)  # "yeah its Dave, or was it Dan"
        or OLD_AND_NEW.search(after)  # "yes. well i knew my old one. the new one …"
        # "Me, yes, always. My partner, not so much": someone else's, another answer
        or re.search(
            r"(?:^|[.;]\s*|\bbut )(?:my|our|his|her) \w+(?: \w+)?,? "
            r"(?:not so much|not really|not at all|less so|no)\b",
            reason.lower(),
        )
        # "My eldest's plan was clear as day. This one, … I couldn't tell you"
        or ("not_sure" in intents(after) and IN_TURN.search(after))
        # "…, not that …"; "polite to my face, not sure about behind my back"
        or (
            # "inadequate, not proud of it", "inadequate - not her fault"
            re.match(r"not\b(?! that\b| proud\b| (?:\w+s? )?fault\b)", after)
            and intents(after) <= {"not_sure"}
            and not reply.named_by(intents(after))
        )
    )
    # (who they are stays who they are: "I'm his dad. Wasnt around at the start but I am now")
    takes_back = takes_back and not reply.about_the_speaker
    if takes_back and first_part.choice not in (None, *reply.between, *reply.standing_for("no")):
        return Reading()
    if (first_part.choice or first_part.intent == SKIP) and not other - {first_part.choice}:
        return first_part  # also "n/a - transferred case"
    if first_part.choice in rest.could_be and not rest.choice and intents(after) == {"ok"}:
        return first_part  # "yes, my flat is fine": the yes says which of yes or mostly
    return None


def disagreeing_aside(reply: Reply) -> Reading | None:
    """ "understood it but didnt agree": not agreeing takes nothing from understanding."""
    aside = CONTRAST.split(reply.core, 1)
    if len(aside) == 2 and aside[0].strip() and DISAGREES.match(aside[1]):
        return reply.read(aside[0].strip())
    if len(aside) == 2 and DISAGREES.search(aside[0]) and aside[1].strip():
        # "Yes. I didn't agree with it, but I understood it": what they understood, if the
        # start does not say otherwise.
        understood, first = reply.read(aside[1].strip()), DISAGREES.split(aside[0])[0].strip()
        before = reply.read(first) if first else Reading()
        if understood.choice and before.choice in (None, understood.choice):
            return understood
    said, _, after_comma = reply.raw.partition(",")  # "Understood it, didn't agree with it"
    if after_comma and said.strip() and DISAGREES.match(normalise(after_comma)):
        return reply.read(said)
    return None


def sarcasm(reply: Reply) -> Reading | None:
    """ "oh yeah loads 🙄", "yeah right": a yes that means no. Anything else said with a
    roll of the eyes ("as if u change anything") is asked again."""
    if EMPHATIC_NO.search(reply.typed) and "no" in reply.values:
        return Reading(choice="no")  # "do they heck"
    if "🙃" in reply.raw and intents(reply.core) & {"yes", "good", "great"}:
        return Reading()  # "great 🙃": meant, or said through gritted teeth? Ask.
    ages = any(word.isdigit() for c in reply.choices for word in c.words)
    if not SARCASM.search(reply.typed) or (ages and spoken_numbers(reply.core)):
        return None  # "fourteen 🙄": an age
    if ARGUES.search(reply.typed) or YES_AND.match(reply.raw.lower()):
        # "yeah right like u change anything": not an answer; "yep, and the one before,
        # and the one before that 🙄": a yes, eyes rolled at something else
        return Reading()
    if intents(reply.core) == {"no"} and "no" in reply.values:
        return Reading(choice="no")  # "🙄 no"
    sarcastic_yes = intents(reply.typed) & {"yes", "good", "great"}
    sarcastic_yes |= SO_MUCH & set(reply.typed.split())  # "oh loads 🙄"
    sarcastic_yes |= {"a lot"} if re.search(r"\ba lot\b", reply.typed) else set()
    if {"unfortunately", "sadly"} & set(reply.typed.split()):
        return Reading()  # "yeah unfortunately 🙄": a yes, rolled eyes at the worker
    return Reading(choice="no") if sarcastic_yes and "no" in reply.values else Reading()
