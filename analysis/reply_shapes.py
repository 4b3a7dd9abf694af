"""The shapes of a typed reply that decide how it is read, whatever the question: a
question about the question, an answer taken back ("yes but …"), one said again
differently ("no wait yes"), sarcasm, two answers at once, someone typing for another.
Pure: compiled patterns over a reply normalised by `analysis.reply_words.normalise`."""

import re

# A question about the question: "wat does respect mean", "what's a plan?", "listen to what".
ASKS_WHAT = re.compile(
    r"^(?:\w+ ){1,3}what$|"
    r"\b(?:what|wat|wot|wht|whats|wats|what's)\b.*\b(?:mean|means|meaning|meant)\b|"
    r"^(?:what|wat|wot|whats|wats)\s+(?:is|does|do|s)?\s*(?:a|an|the|my|your|you)?\s*\w+\s*\?+$|"
    # "i dont get it" asks; "dont get it at all", "dont understand any of it" answer.
    r"(?:^|\bi )(?:don'?t|do not) (?:understand|get)\b"
    r"(?! (?:it |a word |(?:the |my |your )?\w+ )?at all| any of)|"
    r"\bwhat do you mean\b|"
    r"^(?:what|wat|wot)\s*\?+$|^\?+$|\bexplain\b|\bhuh\b|\bin what way\b|^define\b"
    r"|\bwhats? (?:is )?the difference\b|\bwhat counts\b"  # "safe? what counts as safe"
    r"|\bby (?:who|whom)\b"  # "listened to by who? the school or social care"
    r"|^\w+ what is (?:it|that|this)$"  # "worker what is it"
    r"|^(?:\w+ ){1,2}(?:whats|wats|what is) (?:that|this)$"  # "pathway plan? whats that"
    r"|^[a-z]+ how(?: (?:like|exactly|do (?:u|you) mean|(?:u|you) mean)\b.*)?$"  # "listen how?"
    r"|^[a-z]+ like how$"  # "safe like how"
)
# "what plan i havent got one": a question they answer themselves, as "what plan? i …".
ANSWERS_ITS_OWN_QUESTION = re.compile(
    r"^((?:what|wat|wot) (?:\w+ )?(?:plan|worker|pa|sw|social worker))"
    r"(?:\s+(?:lol|lmao|haha))?,?\s+"
    r"(?=(?:i|ive|im|we|never|there|dont|no|nobody|havent)\b)",
    re.IGNORECASE,
)
# Who will see what they say: "will my mum find out?", "is this confidential?".
WHO_SEES = re.compile(
    r"\b(?:confidential|private|privately|anonymous|secret)\b|\bon (?:my|our|the) (?:file|record)\b"
    r"|\bwho (?:will|can|gets to|would|else) (?:see|read|know|find out)\b|\bwho (?:reads|sees)\b"
    r"|\bwho (?:will|would|do) (?:u|you) tell\b|\b(?:grass|snitch) on me\b"
    r"|\bwho (?:u|you)(?:d|ll| would| will)? tell\b"  # "I want to know who you'd tell"
    r"|\b(?:will|would|does|do|can|could) (?:u|you) tell\b"
    r"|\b(?:will|would|does|do|can|could) (?:my|the|your|any|anyone|they|she|he)"
    r"(?: \w+){0,2} (?:see|know|find out|read|be told|hear)\b"
    r"|\b(?:u|you|they|she|he) (?:wont|will not|wouldnt|would not) tell\b"  # "u wont tel my mum"
    # "yes but I'd rather my name wasn't on it"
    r"|\bmy name\b[^.?!]*\bon (?:it|this|that|there|anything|the report|the form)\b"
    r"|\b(?:dont|do not) (?:put|use) my name\b"
)
# A comparison with before: after an answer ("pretty good, better than last year") it
# adds to it; alone it says how it was then, not now.
BETTER_THAN_BEFORE = re.compile(
    r"\b(?:(?:way|much|far|loads|a lot) )?better than "
    r"(?:last (?:year|time|month|week)|before|when"
    r"|the (?:last|old|first) (?:one|worker|sw|social worker|pa|team))\b"
)
# Between sometimes and never, or a grade with a but: neither button, so ask.
GRADES = r"(?:ri|good|outstanding|inadequate|requires improvement)"
IN_BETWEEN = re.compile(
    r"\b(?:hardly|rarely|barely|seldom|not often|borderline|elements|eventually)\b"
    r"|\w+ in (?:parts|places)\b|\bin the end\b|\bless than\b|\bas \w+ as\b.*\bcan be\b"
    rf"|\b{GRADES}\s+(?:to|-)\s+{GRADES}\b|\bat best\b|(?<!not )\b(?:good|safe|ok) enough\b"
    r"|\bnear enough\b"  # "aye, near enough": nearly, so not quite
    r"|\bon the cusp\b|\bverging on\b|\bedging (?:towards|into|on)\b|\bof the way to\b"  # nearly
    r"|\b(?:doesnt|does not|dont) (?:cover it|do (?:it|her|him|them) justice)\b"  # "'OK' doesnt …"
    r"|\bless keen\b"  # "My partner's happy to, I'm less keen"
    r"|\bby the end\b"  # "By the end, yes": not always
    r"|^\w+ (?:is|would be) (?:a bit |very |too )?generous\b"  # "'Sometimes' is generous"
    r"|\bno (?:more|less|better|worse) than\b"  # "no more than my last worker did"
    r"|\b(?:less|not so|not that) sure\b|\bnot convinced\b"  # "outstanding, I'm less sure"
    # Than before, not how it is: "better than last year, that was terrible".
    rf"|{BETTER_THAN_BEFORE.pattern}"
    r"|\bbut not (?:her|his|their) (?:name|face)\b"  # "i know her face but not her name"
    r"|\bmind either way\b"  # "dont mind either way": not a yes, not a no
    rf"|\b{GRADES}[ -]?ish\b.*\b{GRADES}\b"  # "good-ish, bordering RI": about, and nearly
    # "technically yes", "on paper, good": so, but not really? Ask.
    rf"|^(?:technically|on paper|in theory|officially)\W+(?:yes|yeah|yep|yh|aye|ok|{GRADES})\b"
)
# Two grades joined by a hyphen or an "or", over the reply as typed: "gd-RI" is
# "good/RI"; "gd or RI tbh".
GRADE_PAIR = re.compile(
    rf"\b(?:gd|os|ok|{GRADES})\s*(?:[-–]|\bor\b)\s*(?:gd|os|{GRADES})\b", re.IGNORECASE
)
# What takes part of an answer back: "yes but i get scared", "good, though recording …".
CONTRAST = re.compile(
    r"\b(?:but|though|although|apart from|except|however)\b"
    r"|\bbar(?= (?:one|the odd|once|a couple|a few)\b)"  # "yes, bar one meeting"
)
# Owning to a bias, or a caveat about what the answer rests on, after the answer, takes
# nothing back: "Good, though I'm biased!", "outstanding, but I would say that", "Good,
# though caveat: only three months of data", "RI, though I only picked it up in week 10".
OWN_BIAS = re.compile(
    r"(?:but |though |although |mind you )?(?:im|i am|i may be|i might be|maybe im|i could be)"
    r" (?:a (?:bit|little) |slightly |probably )?biased\b"
    r"|(?:but |though )?i would say that\b"
    r"|(?:but |though |although )?(?:with )?(?:a |one |the )?caveats?\b"
    r"|(?:but |though |although )?i (?:only|just) (?:picked|took) (?:it|this|the \w+) (?:up|over)\b"
)
# Not agreeing, after a "but", takes nothing back from understanding: "yes but i dont agree".
DISAGREES = re.compile(
    r"\s*(?:i |we )?(?:still )?(?:dont|didnt|do not|did not)(?: really)? agree\b"
    r"|\s*agree(?:d)?(?: with (?:it|them|that))?,? (?:no|not really)\b"  # "agree with it no"
)
# Disbelief at the question: "always? you must be joking". Not yes; no, or sometimes? Ask.
JOKING = (
    r"\b(?:you must be|youre|ur|are you|you are|u r|u must be) (?:joking|kidding|having a laugh)\b"
)
# Said with a roll of the eyes: "yeah right", "oh yeah loads 🙄". Asked again, never read.
SARCASM = re.compile(
    r"\b(?:yeah|yh|ye|yea|yeh) (?:(?:fucking|fuckin|bloody|effing) )?ri+ght\b"
    r"|\boh yeah\b|\bas if\b|🙄|\blike (?:u|you) would\b"
    rf"|{JOKING}"
    r"|\boh yes\b(?! please)"  # every "oh yes" in development is a roll of the eyes
    r"|\bdont make me laugh\b|\baye right\b|\bsaid nobody ever\b|\b(?:ha|hah|haha|lol) good one\b"
    r"|\b(?:yeah|yh|ye|yea|yeh) like (?:u|you|they|anyone|anybody)\b"  # "yeah like u ever"
    r"|(?:^|\s)/s$"  # "/s": sarcasm, marked as such online
    # "oh fantastic, we only waited 9 months", "oh loads, thats why ive told them 6 times"
    # "oh its just AMAZING being moved 3 times", "oh totally, … they forgot my birthday twice"
    r"|^oh (?:its |it was |thats |they were )?(?:just |so )?(?:fantastic|amazing|brilliant|fab"
    r"|lovely|wonderful|marvellous|perfect|loads|totally|definitely|great)\b(?=.*(?:\d"
    r"|\bonly\b|\banother\b|\bthats why\b|\btook\b|\bwaited\b|\bunannounced\b|\bforgot\b"
    r"|\btwice\b))"
)
# A yes, then more of the same, over the reply as typed: "yep, and the one before 🙄" rolls
# its eyes at the changes, not at the yes.
YES_AND = re.compile(r"\s*(?:yes|yeah|yep|yh|yea|yeh|ye|aye)\b[\s,.!]*and\b")
# "do they heck", "clear as mud": a no said the long way round.
EMPHATIC_NO = re.compile(
    r"\b(?:do|does|did|are|were|was|is|have|has|will|would) (?:they|she|he|it|i|we|you|u)"
    r" (?:heck|hell)\b"
    r"|^as if(?:\s*[^\w\s]+)*$"  # "as if 🙄", alone; "as if you'd change owt" argues
    r"|^(?:dont|do not) make me laugh\b"  # "respect?? don't make me laugh"
    r"|^\w+(?: to)? my (?:arse|ass|backside)\b"  # "listened my arse"
)
# A worker, or a plan, then another: "my new worker does, the old one never did".
OLD_AND_NEW = re.compile(
    r"\b(?:new|old|first|previous)\b.*\b(?:new|old|previous|second) (?:one|worker|sw)\b"
)
# The old worker and the new, one known and the other not: "i know the old one not the new one".
OLD_NOT_NEW = re.compile(
    r"\b(?:the|my) (?:old|new|first|last|previous) (?:one|worker|sw|pa)\b,?"
    r" (?:but )?not (?:the|my) \w+"
)
# Replies that say it is not one answer: it changed, it depends on when or whether.
NOT_ONE_ANSWER = re.compile(
    r"\bstarted\b|\bat first\b|\b(?:in|at) the beginning\b|\bto begin with\b"
    r"|\bgot (?:better|worse)\b|^if (?!(?:you|u) (?:must|mean)\b)"
    r"|\bthen (?:it )?went (?:down ?hill|wrong|south|pear shaped)\b"  # "OK ish then went down hill"
    r"|\b(?:at|in the) (?:night|weekends?|day|school|times when)\b"
    r"|(?<!only )(?<!even )\bwhen (?:he|she|they|i|im|my \w+)\b"
    r"(?! can be bothered| feel like it| say| said| promise)"  # "they never come when they say"
    r"|^only (?:on |at |in )?"
    r"(?:weekends?|weekdays|evenings?|mornings?|nights?)\b"  # "only when i kick off" is Sometimes
    r"|\bsince (?:i|we|she|he|they) (?:took over|started)\b"  # and before that?
    rf"|{OLD_AND_NEW.pattern}"  # which is now?
    r"|\bto my face\b"
    r"|^(?:only )?(?:after|once) (?:i|we|my)\b"  # "after I complained, yes": not before
)
# Never made to feel what the question fears: "never felt ignored once", "I was never
# made to feel small, no". A no that means yes.
NEVER_FELT_BAD = re.compile(
    r"\bnever (?:once |ever )?(?:(?:felt|been|made to feel|was made to feel|feel) )?"
    r"(?:made me feel )?(?:\w+ )?(?:ignored|disrespected|unsafe|unheard|small|judged|judge me"
    r"|looked down on|dismissed|rushed|hurried|pressured)\b"
    r"|\bnever (?:once |ever )?(?:make|made|makes) fun of\b"  # "they never make fun of me"
)
# Frightened of answering: "im scared to press yes". Not a plain yes: ask. (Not "no, I'm
# scared of him", which is a plain no, and must be.)
WORRIED = re.compile(
    r"\b(?:scared|afraid|frightened|worried|nervous) "
    r"(?:to (?:press|say|answer|tap|click|start)|of (?:saying|answering|pressing))\b"
    r"|\brather (?:you|u) (?:didnt|did not|dont) tell\b"  # "id rather you didnt tell anyone"
)
# Asking to skip: "can we skip the plan bit".
ASKS_TO_SKIP = re.compile(
    r"^(?:can|could) (?:we|i|u|you) (?:just )?skip\b|^lets (?:just )?skip\b"
    # "can we do that one another time": not this question, not now
    r"|^(?:can|could) (?:we|i) (?:do|answer) (?:that|this|it)(?: one| bit| question)?"
    r" (?:another time|another day|later|tonight|tomorrow)\b"
    r"|^(?:can|could) (?:i|we) not (?:do|answer) (?:this|that)\b"  # "can i not do this one"
    r"|^(?:i )?(?:dont|do not) (?:want|wanna) (?:to )?(?:talk|say) about"
    r" (?:it|this|that|home|my home|where i live)$"
    # "Would rather my manager rated it", "I'd rather discuss this in supervision"
    r"|^(?:id |i would |would )?rather (?:my|the|our) (?:team )?(?:manager|supervisor|tm)"
    r" (?:rated|rates|rate|graded|grades|did|does|decided|decides)\b"
    r"|^(?:id |i would |would )?rather (?:discuss|talk about) (?:this|it) in supervision\b"
)
# Not now but later, at an offer with a "Not now" button: "maybe another time yeah".
LATER = re.compile(r"\b(?:later|another (?:time|day)|tomorrow|not (?:now|today|tonight))\b")
# A reason that mocks the answer before it: "oh yeah super safe, thats why i sleep with a
# chair against the door".
MOCKING_REASON = re.compile(rf"^(?:thats|that is|which is) (?:why|how come)\b|^{JOKING}")
# A long reply that ends by saying its answer: "…, but inside my flat I feel safe so yes".
CONCLUDED = re.compile(
    r"(?<!think )(?<!guess )(?<!suppose )(?<!believe )(?<!hope )(?<!say )(?<!reckon )(?<!said )"
    r"\b(?:so|so overall|overall|in short)"
    r" (?P<answer>(?:yes|yeah)(?: always| mostly)?|no|nah|mostly|sometimes|partly"
    r"|\d(?: out of |/)\d+)\W*$"
    # a grade only after a stop or a dash: "…, so RI", "…, so I'd say good"; "it was so
    # good", "not so good" say how
    r"|[,;.\-–]\s*(?:so|so overall|overall|in short)(?: (?:i['’]?d|i would) (?:say|go with))?"
    r" (?P<grade>ri|good|outstanding|inadequate|requires improvement)\W*$"
    r"|\bso (?P<ri>ri)\W*$"  # "… the plan was never reviewed so RI": RI never says how
    # a story, then the answer alone after a stop: "… and the bits about seeing dad too.
    # yes", "… So, never.", "would have been outstanding if … As it is, good"
    r"|(?<=\w)[.!]+\s+(?:so,? |as it is,? |its |it['’]s |it is )?"
    r"(?P<last>yes|no|never|always|sometimes|good|ri|outstanding|inadequate)\W*$"
    # "I don't want to say much on here but no"
    r"|^i (?:don['’]?t|do not) (?:want|wanna) (?:to )?(?:say|talk|go into|get into)\b.*\bbut"
    r" (?P<reluctant>yes|no)\W*$"
)
# A yes taken back at the end, the old joke: "yeah they respect me loads... NOT".
TURNED_ROUND_AT_THE_END = re.compile(r"(?:\.{2,}|…|!)\s*(?i:not)[\s!.]*$|\s+NOT[\s!.]*$")
# Then and now in one reply: "it was bad at first, now its good", "I do now, I didnt at first".
THEN_AND_NOW = re.compile(
    r"\b(?:at first|before|at the start|in the beginning|when (?:i|we) first \w+)\b.*\bnow\b"
    r"|\bnow\b.*\b(?:at first|before)\b"
    r"|\bi was \d+\b.*\bnow\b"  # "i was 11 when i came into care, now im 17"
)
# Only somewhere: "i feel safe in my room". And the rest of the house? Ask.
ONLY_SOMEWHERE = re.compile(
    r"\bin my (?:bed)?room\b|\bsafe (?:at|in) (?:school|college)\b"
    r"|\bat (?:my |me )?\w+,? (?:but )?not (?:at|in) (?:my |me )?\w+"  # "safe at mums not at dads"
)
# A grade for parts of the work beside the grade for the whole: "Outstanding in places,
# good overall". The whole is the answer. ("Good with pockets of outstanding" and
# "good with elements of outstanding" ask: development authors split.)
IN_PLACES = re.compile(
    r"^\s*\w+ in (?:places|parts)[,;.]?\s*(?:but\s+)?(?=.*\boverall\b)", re.IGNORECASE
)
# A grade said of the system, not of this work: "the whole front door is inadequate,
# this family just got caught in it". Ask, unless the work's own grade is said too.
ABOUT_THE_SYSTEM = re.compile(
    r"\b(?:system|front door|service|thresholds|council|management|department)\b"
    r"[^,.;]*\b(?:is|are|was|were)\b(?: \w+){0,2}"
    r" (?:outstanding|good|ri|requires improvement|inadequate)\b"  # not "the system is broken"
)
# The work's own grade beside the system's: "work itself good. the system around it is
# RI", "thresholds are wrong across the service, but my work here was RI".
OWN_WORK = re.compile(
    r"\b(?:my work|my practice|the work itself|work itself|this work)(?: here)?"
    r"(?: (?:was|is))?\s+(?P<grade>\w+(?: improvement)?)",
    re.IGNORECASE,
)
# "not terrible, just not great": what it is not, then what it is.
NOT_THIS_BUT = re.compile(
    # (not "not now, the baby's just woken up"; not "have just")
    # "horrible. well not horrible, okay-ish", "really bad. no, not really bad, just not good"
    r"(?:^|\bwell |\b(?P<no>no) )not (?!now\b)(?:\w+ ){0,2}?\w+,?\s+(?<!have )(?<!has )(?<!had )"
    r"(?:(?:just|only|more like)\s+(?P<rest>\S.*)|(?P<ish>\w+[ -]?ish))$"
)
# An answer doubted or hedged as soon as it is given: "its Dave, or was it Dan", "good,
# on a good day".
SECOND_GUESS = re.compile(
    r"\bor (?:was|is)(?: it)?\b|\bor maybe\b|\bon a good day\b|^or\b"  # "Mark? or Mike"
    r"|\bmight (?:of|have|ve) left\b"  # "well it was Jess, she might of left"
    r"|\bmight be (?:someone|somebody) (?:else|new|different)\b|\bmight (?:of|have|ve) changed\b"
    r"|^(?:is|was) it \w+$"  # "I think so, is it Dave?"
)
# What, after an answer, says it held only for a while: "yes I did till she went off
# sick", "good at the start", "well it was good, then it wasnt".
FOR_A_WHILE = re.compile(
    r"\b(?:till|until)\b|\bat (?:the start|first)\b"
    r"|\bthen (?:it|they|she|he) (?:wasnt|werent|didnt|stopped)\b"
    r"|\b(?:didnt|wasnt|werent|did|was)(?: \w+)? before\b"  # "they do now, didnt before"
    r"|\bthen (?:\w+ ){0,8}(?:fell apart|went downhill|went wrong|got worse)\b"
    r"|\bthen (?:\w+ ){0,2}did the opposite\b"  # "Oh yes, they listened. Then did the opposite."
)
# What was once so: "used to be in care, got my own little one now". Is it now? Ask.
NO_LONGER = re.compile(r"\bused to\b|\blast year i was\b|\bwhen i was \d")  # "last year i was 11"
# A yes on a condition ("yes if someone explains it first", "ok so long as my ex cant see
# it"), or two negatives ("i dont not understand it", "its not that i dont feel safe"):
# the answer is not plain, so ask.
CONDITIONAL = re.compile(
    r"^(?:yes|yeah|yep|ok|okay|aye|sure|fine|good|outstanding|ri|inadequate)\b"
    # not "yeah, I want to see if my moaning did anything"
    r".*?\b(?:(?<!see )(?<!know )(?<!out )(?<!check )(?<!wonder )(?<!especially )(?<!tell me )if"
    # "as long as it's only that": what the bot does anyway, not a condition
    r"|as long as(?! (?:its|it is) (?:only|just)\b)|so long as|providing|unless)\b"
    r"(?! possible\b| i say so| i do say so)"  # ("if im honest" is "tbh" by now)
    # "wouldve been good if …", "id have understood it if …": what might have been
    r"|\b(?:wouldve|would have|would of|id have|i would have)\b.*\bif\b"
    r"|^(?:it |this |that )?would be\b.*\bif\b"  # "Would be outstanding if …"
    # "would you tell my mum?? because then no", "yes but I want to know who … first"
    r"|\b(?:because|cos|coz|cuz|cause) then\b|\b(?:want|need|like) to know\b.*\bfirst\b"
    # "yes but i want to talk to someone first"; not "Not now, I need to speak to my …"
    r"|^(?:yes|yeah|yep|ok|okay|sure|fine)\b.*\b(?:want|need|like) to (?:talk|speak) to\b"
    r".*\bfirst\b"
    r"|^only if\b|\botherwise (?:no|not|yes)\b"  # "only if its real, otherwise no"
    r"|^(?:yes|yeah|aye|ok|okay|sure|fine)\b.*\bbut (?:dont|do not|please dont) tell\b"
)
NEGATORS = r"(?:not|dont|didnt|doesnt|never|cant|isnt|wasnt|wouldnt|aint)"
# Over the reply as typed, lower case, apostrophes dropped: "Never. Not once." is two.
DOUBLE_NEGATIVE = re.compile(
    # not "i dont see why not", nor "not bad not good" (neither)
    rf"\b(?!not \w+ not\b){NEGATORS}\b[^.,;!?]{{0,25}}?(?<!why )\bnot\b"
    r"|\bnot (?:that|like) (?:\w+ ){1,2}?(?:dont|didnt|isnt|wasnt|arent|cant)\b"
    # "never had an issue", "never once made me feel small": a no that means yes
    r"|\bnever\b[^.,;!?]{0,25}?\b(?:issues?|problems?|small|unsafe|judged|worried|complaints?)\b"
    r"|\bnever (?:dont|didnt|not)\b"  # "i never dont feel safe"
    r"|\b(?:nowt|nothing) wrong\b(?! with)"  # "done nothing wrong" (not "nothing wrong with")
    r"|^(?:its |it was |it is )?not that (?:they|she|he|it|we|i)\b"  # "Its not that they were…"
    r"|\bnever a (?:time|day|moment)\b[^.,;!?]{0,20}?\b(?:dont|didnt)\b"
    r"|\b(?:nobody|no ?one) (?:has |have |had |is |was )?(?:ever )?not\b"  # "no one has ever not"
    # "I wouldnt say they never listen", "I cant say I wasnt"
    r"|\b(?:wouldnt|would not|cant|cannot|couldnt) say (?:that )?\w+ (?:\w+ )?"
    r"(?:dont|didnt|doesnt|never|wasnt|werent|isnt|arent|cant|wont)\b"
)
# Hedged with what the question may mean: "they were polite, if that's what you mean".
WHAT_YOU_MEAN = re.compile(r"\bif thats what (?:you|u) (?:mean|meant|are asking|re asking)\b")
# "Always" in a complaint, not the answer "Yes, always": "they were always on their
# phones", "theres always fighting", "always late".
ALWAYS_A_COMPLAINT = re.compile(
    r"\balways (?:on (?:their|her|his|the) phones?|late|fighting|shouting|arguing|cancell?ing"
    r"|changing|moaning|busy|rushing|in a rush|off sick|forgetting|kicking off"
    r"|the last to (?:know|find out|hear)|left out|ignored|talked over|overlooked)\b"
)
# Who may say yes while another says no, in the two shapes below.
WORKER = r"(?:worker|sw|pa|iro|manager|staff|carers?|team|services|social worker|council)"
# One worker does, another does not: sometimes, where there is such a button; on a
# scale ("the first was brilliant, the second useless") neither, so ask.
MIXED = re.compile(
    r"\b(?:does|did|do|is|was)\b.*\b(?:the rest|the others?|others)\b"
    r"|^mixed\b|\b(?:did|does|do)\b,? but (?:the|my|her|his) (?:\w+ ){1,3}(?:didnt|doesnt|dont)\b"
    r"|\bfirst\b.*\b(?:second|the one after|the next one|the new one)\b"
    r"|\bsome\b.*\bothers\b|\b(?:does|did|do)\b,? (?:but )?(?:nobody|no one) else\b"
    # "my worker does but not the manager", "one worker yes the other no"
    rf"|\b(?:does|did|do)\b,? but not (?:the|my|her|his) {WORKER}\b"
    r"|^one \w+ (?:yes|does|did)\b.*\bthe other\b"
    r"|\ball (?:of (?:them|em) )?(?:bar|except|apart from|but) (?:the|my|one|her|him)\b"
    r"|\bsome (?:\w+ )?(?:yes|were|was|did|do|are|good|great)\b"  # "some were, one wasnt"
    r".*\b(?:some|one|a few|a couple|two) (?:\w+ )?(?:no|werent|wasnt|didnt|dont|arent|not|bad)\b"
    r"|\b(?:does|did|do)\b,? but not (?:at|in|during|when)\b"  # "my sw does but not at my review"
    r"|\bthe rest of (?:it|its|them|em)\b"  # "my workers sound, the rest of its a joke"
    # "respected by my worker, not by the others"
    r"|\bby (?:my|the|her|his|our) \w+(?: \w+)?,? (?:but )?not (?:by )?(?:the )?(?:others|rest)\b"
    # "Lisa was fantastic, the one before her was a disaster"
    r"|\bthe (?:one|worker|sw) before (?:her|him|them|that)\b"
    r"|\bone (?:i|we) (?:know|do|did)\b.*\bone (?:i|we) (?:dont|didnt)\b"  # "one i know one i dont"
    # "the worker was lovely, the systems a disgrace": a verdict on each
    # (not "my foster carer is in the room")
    rf"|\b(?:the|my|our) (?:\w+ )?{WORKER} (?:was|is|were)"
    r" (?!in |at |with |here |there |next )\w+,? (?:but )?(?:the|my|our)"
    r" (?!best\b|worst\b|same\b)\w+"
)
# How often, said with a yes and a no ("sometimes yes sometimes no"): the in-between.
OFTEN = re.compile(r"\b(?:some ?times?|sumtimes?|somtimes?|at times|now and then|on and off)\b")
# One person yes, another no: "her yes, her manager no", "fostering team yes, SW no".
STAFF = rf"(?:{WORKER}|workers|receptionists?|reception|admin|office|school)"
PEOPLE = rf"(?:her|him|them|my \w+|the (?:\w+ )?{STAFF}|\w+ {WORKER}|{WORKER})"
# A verdict on each: "Family support worker brilliant, social worker useless".
VERDICT = (
    r"(?:brilliant|great|good|amazing|fab|fantastic|lovely|excellent|helpful|kind|polite"
    r"|useless|rubbish|awful|terrible|poor|rude|hopeless|dismissive)"
)
PERSON_YES_PERSON_NO = re.compile(
    # "my carers yes always, my social worker not so much" (not "I wasnt")
    # "my pa does yeah, the leaving care team no", "my worker does, the ones at the office dont"
    rf"\b{PEOPLE} (?:yes|does|did|do|always|was|is|were)(?: always| yeah| yes| yh)?"
    r"(?:,\s*|\s+but\s+)"
    r"(?!you\b|u\b|i\b|we\b)(?:\w+,?\s+){1,5}(?:no|not|dont|didnt|doesnt|never|wasnt|isnt|werent)\b"
    r"|^(?:yes|yeah) for [^,.;]{1,40}[,;]\s*(?:but )?(?:no|not) for\b"  # "yes for my eldest's …"
    rf"|\b{PEOPLE} (?:yes|does|did|do|good|great) {PEOPLE} (?:no|not|dont|didnt|doesnt|never)\b"
    # "The social worker listen, the manager no"
    rf"|\b{PEOPLE} (?:listen|listens|listened|respect|respects|respected|help|helps|helped),"
    rf"\s*(?:but )?{PEOPLE} (?:no|not|dont|didnt|doesnt|never)\b"
    rf"|\byes by {PEOPLE},? not (?:by\b|{PEOPLE})"  # "yes by the SW, not the manager"
    rf"|\b{PEOPLE} (?:was |is |were )?{VERDICT},?\s+"
    rf"(?:but )?{PEOPLE} (?:was |is |were )?{VERDICT}\b"
    # "in meetings no. one to one yes": one place yes, another no
    r"|^(?:in|at) (?!(?:the )?(?:beginning|start|first|end)\b)(?:the )?\w+(?: \w+)? (?:yes|no)"
    r"\W+(?:\w+\s+){1,3}(?:yes|no)\W*$"
    # "Sarah did, her manager didnt", "Ellie does. her manager doesnt", "My worker did,
    # her manager spoke down to me"
    rf"|^(?:my |the )?\w+ (?:did|does)[,.]\s*(?:her|his|their|the) {WORKER}"
    r" (?:didnt|doesnt|dont|never|(?:spoke|talked|talks|speaks) down)\b"
)
# Any yes, then a no, after a comma: "respect yes, help no". Which is the answer? Ask.
ONE_YES_ONE_NO = re.compile(
    r"\b(?:does|do|did|yes),\s*(?:\w+\s+){1,3}(?:no|not|dont|didnt)\b"
    r"|\b(?:part|bit|side) (?:yes|yeah|ok|fine)\b.*\b(?:part|bit|side) (?:no|not|nah)\b"
    # "respect me yeah, who i am not so much"
    r"|\b(?:yes|yeah|yh|yep)[,.]\s*(?:\w+\s+){1,4}(?:not so much|less so)\b"
    # "The assessment was good, the plan wasn't"
    r"|\b(?:was|is|were) \w+,\s*(?:but )?(?:the|my|our|her|his) \w+ (?:wasn|isn|weren|didn)['’]?t\b"
    # "good practice, poor recording"
    r"|\b(?:good|great|strong|outstanding|ok|fine) \w+,\s*(?:but )?"
    r"(?:poor|weak|bad|patchy|rubbish|ri)\b"
)
# Said again, differently: "no wait yes", "good no actually great", "yes. sorry i mean no".
CORRECTED = re.compile(
    r"\b(?:no wait|wait no|wait|sorry i mean|i mean|no,? actually|no,? hang on|hang on)\b"
    r"|\bchanged my mind\b"  # "no, I changed my mind, yes"
    r"|\bi(?:'|’)?ll be fair\b"  # "Sometimes. Actually no, I'll be fair, yes every time"
    # "Outstanding. sorry autocorrect - good"
    r"|\b(?:sorry\W+)?(?:auto ?correct(?:ed)?|predictive text)\b"
    r"|^(?:(?:yes|no)\W+)?sorry\b"
    r"|\bwell,\s"  # "outstanding - well, good if im honest"
    # "no... ok fine lets go", "outstanding... no, good"; not "yes... no... idk" (which?)
    r"|^\w+\.{2,}\s*(?:no,\s*)?(?=\w)(?!.*\.{2,})"
    # "yes please actually no"; not "really good actually my PA is sound"
    r"|(?<!you )(?<!they )\bactually\b(?=(?:\W+\w+){1,3}\W*$)"  # not "if you actually change"
    r"|\bactually\b(?=\W+(?:no|nah|yes|yeah)\b)",
    re.IGNORECASE,
)
# Arguing with the question instead of answering it: "u lot never change nothing anyway".
ARGUES_NOT_ANSWERS = re.compile(
    r"\bchanges? (?:nothing|anything|anythin|owt|nowt)\b|\bwhats the point\b"
    r"|\bnothing (?:ever )?(?:changes|changed)\b|\bso (?:you|u) tell me\b"  # "…, so you tell me"
    r"|\b(?:youll|you will|u will|ull|theyll|they will) (?:do|change) (?:nothing|nowt)\b"
    r"|^respect is earned\b"  # a saying: and did they earn it?
)
# A sarcastic yes that argues with the question rather than answering it: ask.
ARGUES = re.compile(
    r"\blike (?:u|you|youll|youd|they|theyll|he|she|we|any|anything|anyone|owt)\b|\banyway\b"
    rf"|{JOKING}"
)
# What they expected, then what they found: "I expected the worst but they were very
# good", "i thought they wouldnt but they did, every time".
EXPECTED_BUT = re.compile(
    r"^(?:i |we )?(?:(?:was|were|went in) )?"
    r"(?:thought|expected|expecting|assumed|figured|was worried|were worried)\b"
    r"[^.!?]*?\bbut\s+(?P<rest>.+)$"
)
# A "not" in what they found may turn the expectation round rather than answer the
# question: "I expected to be judged but I wasnt once".
TURNS_SOMETHING_ROUND = re.compile(
    r"\b(?:not|never|no|wasnt|werent|didnt|dont|doesnt|isnt|havent|hasnt|wont|nothing|nobody)\b"
)
# Two halves of one question answered apart: "respect me yes, who i am... not so much";
# or someone known better than the worker: "i know the police officer better than my
# worker". Ask.
HALF_AN_ANSWER = re.compile(
    r"\b(?:yes|yeah|yh|yep)\b.*\bwho i am\b\W*(?:not|no|nah|never)\b"
    r"|\bknow (?:the|my|a|an) (?:\w+ ){1,3}better than (?:my|the|our) (?:\w+ )?(?:worker|sw|pa)\b"
)
# Someone else agreeing, after the answer: "good, and if Ofsted walked in tomorrow theyd
# say the same". The answer stands.
AGREED = re.compile(
    r"\b(?:say|said|says|think|thought|grade it|rate it) (?:the same|so too)\b|\bwould agree\b"
)
# An answer that points at another question: "I already said no to the last question".
ANOTHER_QUESTION = re.compile(
    r"\b(?:said|answered|put|told you) (?:no|yes|that) (?:to|for|on|at) (?:the|that|your)"
    r" (?:last|other|previous|first|next) (?:question|one)\b"
)
# Listened to, then ignored: "yeah they listen. then do whatever they wanted anyway".
DID_AS_THEY_LIKED = re.compile(
    r"\b(?:do|did|does|go|went) (?:whatever|what) (?:they|she|he)"
    r" (?:want|wanted|wants|like|liked)\b"
)
# Heard, not listened to: "they heard me, they didnt listen". A no.
HEARD_NOT_LISTENED = re.compile(
    r"\b(?:hear|hears|heard)\b.*\b(?:dont|didnt|doesnt|never|not|wont) (?:actually |really )?listen"
)
# "not since the new worker": it was so, and is not now: a no.
NOT_SINCE = re.compile(r"^(?:no\W+|nope\W+)?not since\b")
# A wish is what is not so: "wish they did", "I wish I had been" is a no. Any other wish
# ("I wish I could say outstanding", "I wish there had been one") is asked again.
WISHED = re.compile(r"^(?:i )?wish\b")
WISHED_SO = re.compile(
    r"^(?:i )?wish (?:i|they|she|he|we) (?:did|do|does|had|had been|was|were|would)"
    r"(?: tho| though)?$"
)
# What they would like to say, then what it is: "I'd like to say outstanding but
# realistically good".
REALISTICALLY = re.compile(
    r"\b(?:like to|want to|wish i could|would love to|love to) say \w+(?: \w+)?"
    r" but (?:realistically|honestly|truthfully|really|in reality) (?P<rest>\w+(?: \w+){0,2})$"
)
# What is so on paper, then what is so in truth: "on paper yes, in reality no", "on
# paper it looks good but honestly it's RI". The second is the answer.
ON_PAPER = re.compile(
    r"^(?:on paper|technically|officially|in theory)\b.*?"
    r"\b(?:but )?(?:honestly|tbh|in reality|in practice|truthfully|realistically)\b"
    r",?\s*(?P<rest>\w.*)$",
    re.IGNORECASE,
)
# Neither of two buttons, with one between them: "Not inadequate, but not good either" is
# *Requires improvement*.
BETWEEN_TWO_NOTS = re.compile(
    r"^not (?P<one>\w+(?: (?!but\b)\w+)?),? (?:but )?(?:not|nor)"
    r" (?P<other>\w+(?: (?!either\b)\w+)?)(?: either)?$"
)
# What is left when one or two are ruled out: "not outstanding, not RI, so good",
# "Not outstanding but definitely good", "not outstanding but good" (not "not sure but …").
NEITHER_SO = re.compile(
    r"^(?!not (?:sure|really)\b)(?:not (?:\w+ ){1,2}){1,2}"
    r"(?:so|but (?:definitely|def|defo|solidly|certainly)"
    r"|but(?= (?:good|outstanding|inadequate|ri|requires improvement)$)) (?P<rest>\w+(?: \w+)?)$"
)
# Two in turn, one yes, one no: "the first plan, yes; the second was a mess", "the old
# worker did, this one not so much". Not *Sometimes* or *Partly*: which is it now? Ask.
IN_TURN = re.compile(
    r"\b(?:first|second|old|new|last|previous) plan\b|\bsecond one\b"
    r"|\b(?:old|new|last|previous|this) (?:one|worker|sw|pa|social worker)\b"
    r"|\bfirst (?:one|worker|sw|pa|social worker)\b|\bthe one after\b"  # "the first SW did, …"
)
