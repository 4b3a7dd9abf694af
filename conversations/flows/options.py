"""Answer options that several flows share."""

from conversations.models import END, Option, words

SCALE_OPTIONS = (
    Option(value="awful", label=words("😢 Really bad")),
    # "bad" alone could be this or "Really bad" (the reading policy): its value is no word.
    Option(value="bad", label=words("🙁 Not good"), answers=("bad",)),
    Option(value="ok", label=words("😐 OK")),
    Option(value="good", label=words("🙂 Good")),
    Option(value="great", label=words("😄 Really good")),
)

# Did they listen? ("I didnt feel heard at all": no)
ALWAYS_SOMETIMES_NO = (
    Option(value="yes", label=words("Yes, always")),
    Option(value="sometimes", label=words("Sometimes")),
    Option(
        value="no",
        label=words("No"),
        typed=("didnt feel heard", "never felt heard", "dont feel heard", "not feel heard"),
    ),
)
# The same, where "they dont respect me" is a plain no.
RESPECTED = (
    Option(
        value="yes",
        label=words("Yes, always"),
        typed=(
            *("very respectful", "always respectful", "treated me with respect"),
            *("polite", "very polite", "always polite"),  # so "polite but talked down to": ask
            *("like an equal", "as an equal"),
            *("ever so respectful", "really respectful", "so respectful"),
            "utmost respect",
            *("treated well", "treated me well", "treated fair", "treated fairly"),
            *("treated me fair", "treated me fairly", "treated like a person"),
            "treated like a human",
        ),
    ),
    ALWAYS_SOMETIMES_NO[1],
    Option(
        value="no",
        label=words("No"),
        typed=(
            *("dont respect", "no respect", "not respected", "disrespectful", "looked down on"),
            *("disrespect", "disrespected", "so disrespectful"),
            *("like dirt", "like a criminal", "like criminal", "like a case number"),
            *("like a number", "like a kid", "like a child", "like scum", "like rubbish"),
            *("like im stupid", "like i wasnt in the room", "like im not there", "misgender"),
            *("talked down to", "talk down to", "talks down to", "nobody respects me"),
            *("spoke down to", "speak down to", "speaks down to", "spoken down to"),
            "not respect me",
            *("like criminals", "felt invisible", "made me feel invisible"),
            *("like a bad mother", "like a bad mum", "like a bad parent", "like a bad father"),
            "made to feel invisible",
            *("like squit", "like i was stupid", "like we were stupid", "like i was thick"),
        ),
    ),
)

# How people accept or turn down an offer ("wouldnt say no", "id rather not").
ACCEPTING = (
    *("wouldnt say no", "would be nice", "that would be nice", "that would be good"),
    *("id like that", "i would like that", "please do", "go for it", "why not", "bet"),
    *("wouldnt mind", "i wouldnt mind", "id not say no"),  # not "dont mind": either way?
    *("wouldnt hurt", "suppose i would", "i suppose i would", "happy for you to"),
    # "as long as it's only that": only news, as the question says
    *("happy for u to", "as long as its only", "as long as its just", "as long as it is only"),
    *("wed like that", "we would like that", "not all for nothing", "wasnt all for nothing"),
    *("acceptable", "that is acceptable", "thats acceptable", "perfectly acceptable"),
    *("wouldnt object", "i wouldnt object", "no objection", "no objections"),
)
DECLINING = (
    *("rather not", "id rather not", "i would rather not", "would rather not"),
    *("id prefer not", "prefer not", "please dont", "please do not"),
    *("im alright thank you", "nah im alright"),  # a British no thanks
    *("no im ok", "im ok thanks", "im alright thanks", "ur alright", "no ur alright"),
    *("youre alright", "no youre alright", "youre ok", "no youre ok"),
    *("nah im ok", "nah im good", "dont msg me", "dont message me", "dont text me"),
    *("dont message", "dont msg", "thanks but no thanks", "not ok for me", "not okay for me"),
    *("not need", "no need", "best not", "probably best not", "dont need to"),
    *("no ta", "nah ta", "ill pass", "ill give it a miss", "nah ur ok", "ur ok", "no ur ok"),
    *("no im fine", "im fine thanks", "dont want messages", "dont want texts"),
    *("nah youre grand", "youre grand", "ur grand", "not for me", "not for me thanks"),
    *("prefer you didnt", "id prefer you didnt", "rather you didnt", "id rather you didnt"),
    *("no im alright", "im alright ta", "no im alright thanks", "no im alright ta"),
    *("im fine without", "fine without updates", "fine without them"),
    # "that's kind of you but I'm alright, thanks"
    *("kind of you but", "thats kind but", "but im alright", "but im ok", "but im fine"),
    *("do not wish", "dont wish", "i do not wish to", "i dont wish to", "no wish to"),
)

HEAR_BACK_OPTIONS = (
    Option(value="yes", label=words("Yes please"), next="contact_ok", typed=ACCEPTING),
    Option(value="no", label=words("No thanks"), next=END, typed=DECLINING),
)

CONTACT_OPTIONS = (
    # "Is it OK…?" "I don't mind": it is OK. ("Would you like…?" "Don't mind" is either.)
    Option(
        value="yes",
        label=words("Yes, that's OK"),
        typed=(*ACCEPTING, "dont mind", "i dont mind", "idm", "dont mind at all", "hit me up"),
    ),
    Option(value="no", label=words("No thanks"), typed=DECLINING),
)
# Asking to do it another time, at the consent question ("can we do this later").
LATER = (
    *("can i do it later", "can we do this later", "can we do it later", "do it later"),
    *("can i do it tomorrow", "can we do it tomorrow", "can i do it another time"),
    *("can we do it another day", "another day", "tomorrow", "tmrw", "not at the moment"),
    *("not at the minute", "can i do this later", "can we do this another time", "not the now"),
    *("in a minute", "now in a minute", "in a min"),  # Welsh "now in a minute": later
    *("in a bit", "im driving", "driving rn", "not tonight", "not till", "not until"),
    *("do it tonight", "later tonight", "not the day", "not in this moment", "other time"),
    *("before i agree", "now is not a good time", "now is not good time", "not a good time"),
    *("rather wait", "id rather wait", "wait till", "not comfortable", "im not comfortable"),
    *("give me 5 mins", "give me a min", "give me five minutes", "on the bus"),
    *("give me ten minutes", "give me 10 minutes", "give me 10 mins", "give me a minute"),
    "dreckly",  # Cornish: "directly", some time later
    *("cba rn", "cba right now", "pas maintenant"),  # French "not now"
    *("nu acum", "ne sega"),  # Romanian, Bulgarian "not now"
)
