"""Who is answering, and whose view a reply gives: someone typing for another ("typing
for my son"), two of the greeting's answers in one person, a parent's words beside a
young person's age, someone else's view or worker before the speaker's own. Pure:
compiled patterns over a reply normalised by `analysis.reply_words.normalise`, as in
`analysis.reply_shapes`."""

import re

# Someone typing for, or beside, another person ("typing for my son", "me and my mum").
FOR_SOMEONE = re.compile(
    r"\b(?:typing (?:this |it )?for|typin for|helping me|i help (?:him|her|them))\b"
    r"|\bdoing (?:this|it) for\b"
    r"|\b(?:passing|handing|giving) (?:the )?phone\b"
    # "me and my mum"; not "me and my husband, we're her foster carers"
    r"|\bme (?:and|an|n) (?:my|me|mi)\b(?! (?:husband|wife|partner)\b)"
    r"|\bfor (?:my|our) (?:son|daughter|child|kid)\b"
    r"|\bhelping (?:my|our) \w+"  # "helping my daughter do this shes 8"
    # "grandad helping the boy type"
    r"|\bhelping (?:him|her|them|the \w+) (?:to )?(?:type|write|answer|do)\b"
    r"|\bthis is \w+s (?:mum|mam|dad|nan|gran|carer)\b|\b(?:he|she|hes|shes) \d{1,2}\b"
    r"|\b(?:mum|mam|dad|nan|gran|carer|sister|brother|son|daughter) (?:and|n|&) me\b"
    r"|\bme (?:and|an|n|&) (?:mum|mam|mama|mom|dad|papa|nan|gran)\b"  # "me and mama together"
    r"|\bme (?:and|an|n|&) our (?:kid|lass|lad|bro|sis)\b"  # "me n our kid doin it together"
    r"|\btypin(?:g)? 4\b|(?:\bis|s) typin(?:g)?\b"  # "typin 4 my daughter", "me nans typing"
    r"|\b(?:he|she) wants? to (?:say|answer|talk|do)\b|\bis with me\b"  # "THE BOY IS WITH ME"
    r"|\bwants to (?:say|answer|talk|do)\b"  # "Mum's sat next to me and wants to answer"
    r"|\b(?:is )?(?:sitting|sat) (?:with|next to|beside) me\b"  # "my daughter is sitting with me"
    r"|\b(?:im|i am) (?:sitting|sat) (?:with|next to|beside)\b"  # "Im sat with the family"
    # "filling this in with a family on a home visit", "my eldest is filling this in with me"
    r"|\bfilling (?:this |it )?(?:in|out)\b.*\bwith (?:me|a|the|my|her|him|them)\b"
    r"|\b(?:sitting|sat) (?:with|next to|beside) (?:the|a|this) (?:family|child|young person)\b"
    r"|\banswer(?:ing)? for (?:him|her|them|my)\b"  # "i am mother of boy 13, i answer for him"
    r"|\b(?:do|fill) (?:it|this)(?: in)? for (?:her|him|them)\b"  # "asked me to do it for her"
)
# Two of the greeting's answers in one person: "I foster, but I also work for the council".
TWO_ROLES = re.compile(
    r"\b(?:i|im|i am) also\b|\balso (?:a|an|work|working)\b"
    # "Foster carer AND I do sessional work for the trust, which one do you want?"
    r"|\band i (?:do (?:\w+ )?work|work (?:for|at|here))\b|\bwhich (?:one )?do (?:you|u) want\b"
    r"|\b(?:young|teen|teenage) (?:mum|mam|mom|dad|parent|mother|father)\b"  # "a young parent"
)
# A parent's own words beside a young person's age: "im 17 and got a baby".
PARENT_TOO = re.compile(
    r"\b(?:got|have|had|with) (?:a |my |two |2 )?(?:baby|babies|kids?|little one|son|daughter)\b"
    r"|\bim (?:a )?(?:mum|mam|mom|dad|parent)\b|\bmy (?:baby|babies|little one)\b"
    r"|\b(?:pregnant|expecting a baby)\b"  # "im 17 and pregnant"
    r"|\band (?:a |also a )?(?:mum|mam|mom|dad|parent)(?: myself)?\b"  # "im 18 and a mum myself"
)
# A young person's age said at the greeting: "I'm 18 and a mum myself" (with `PARENT_TOO`).
YOUNG_AGE = re.compile(r"\b(?:im|i am) (?:1[2-9]|2[0-5])\b")
# Someone else's view or someone else's worker: "my manager would say good", "I know my
# brothers worker". Not the speaker's answer: ask.
SOMEONE_ELSES = re.compile(
    # Not "i would say", nor Ofsted's grade ("Ofsted would say RI"), nor "family said so too".
    r"\b(?!i\b|ofsted\b)\w+ would (?:probably |prob )?(?:say|call it|rate it)\b"
    r"|\b(?:carers?|mum|dad|worker|sw|teacher|manager|lead|supervisor|family|nan|gran|partner"
    r"|husband|wife)"
    # not "yes. my foster carer said i should", "Fine. Mum said I had to do it anyway"
    r" (?:says|said|thinks)\b"
    r"(?! so\b| i should\b| i could\b| i had to\b| i have to\b| i must\b| to\b"
    r"|[^.;]*\band so do i\b)"  # "my husband says go for it and so do I": theirs too
    r"|\b(?:brothers|sisters|friends|siblings) (?:worker|sw|social worker|pa)\b"
    r"|\bmy (?:wife|husband|partner|son|daughter|brother|sister|mum|dad) (?:understood|did|does)\b"
    r"|\b(?:friend|mate)(?: [a-z]+)? (?:says|said|thinks)\b"  # "my friend Aisha says no never"
    # an audit's grade: "Moderation pulled it down to RI; I disagree"
    r"|\b(?:audit|auditors?|moderation|moderators?|qa) (?:\w+ )?"
    r"(?:said|says|graded|rated|gave|put|pulled|marked|called)\b"
    r"(?![^.;]*\b(?:keep it there|cant argue|and i agree|i agree with))"  # its grade, agreed
)
# Their own view after someone else's: "my manager says good, I'd say RI".
MINE_AFTER = re.compile(
    r"\b(?:I'?d|I would|I|personally,? I)(?: would)?"
    r" (?:say|think|thought|rate it|put it at|go with)\s+(?P<mine>\w.*)$",
    re.IGNORECASE,
)
# A brother's, a friend's or a parent's answer first, then the speaker's own: "my
# foster brother says they never listen to him but they listen to me every time", "my
# brother knows his, i dont have a clue who mine is", "my mum knows, i dont". The
# speaker's part answers, unless it leans on the other ("I think mine's the same"). A
# husband's or a partner's is the family's too: ask.
ANOTHER_THEN_ME = re.compile(
    r"^(?:my |our )?(?:foster |little |big |older |younger |step ?|half )?"
    # a parent saying something ("mum gets it"), not "nan, i have my grandson": who they are
    r"(?:(?:brother|sister|bro|sis|cousin|friend|mate)s?\b[^,.;]*?"
    r"|(?:mum|mam|mom|dad|nan|carer)s?\s+[^,.;]+?)"
    r"(?:[,.;]\s*(?:but )?|\bbut )"
    r"(?P<mine>(?![^,.;]*\bsame\b)(?:[^,.;]*\s)?(?:i|me|mine|im|ive|myself)\b[^,.;]*)$"
)
# At the greeting, who they are not ("not the parent, the actual child", "IRO, not the
# family"), and who sent them ("Im the parent, the social worker gave me this link").
NOT_WHO = re.compile(
    r"(?:^|(?<=[,.;!]))\s*not (?:the|a|an|their|your|my|his|her)\b[^,.;!?]*"
    r"|(?<=\w)\s+not (?:the|a|an|my|his|her) [^,.;!?]*$"  # "im the young person not my foster mum"
    r"|(?:\b(?:the|my|our|their)(?: old| new)?(?: \w+s)? )?"  # "my sons worker told me"
    r"\b(?:social worker|sw|pa|worker|carer|foster carer) (?:gave|sent|asked|told|said)\b[^,.;!?]*",
    re.IGNORECASE,
)
# At the greeting, the children a parent speaks of: "the dad of one of the children you
# work with" is a parent, whatever the words after "of" say.
THEIR_CHILDREN = re.compile(
    r"\b(mum|mam|mom|dad|parent|mother|father|carer|nanna|grandma|grandad)s? (?:of|to) [^,.;!?]*",
    re.IGNORECASE,
)
# A no from one person, which leaves the others: "not by the social worker, no". Ask.
NOT_FROM_ONE = re.compile(
    r"^(?:no\s+)?not (?:by|from) (?:the|my|our|his|her|that) (?!start|beginning|first)"
    r"(?!\w+ (?:lot|team|service|people)\b)\w+"
)
# A worker's name known from someone, never met: "mum says it's Dan but I've never met
# him". Ask.
NAME_NOT_MET = re.compile(
    r"\b(?:name|called|says its|said its)\b[^.;]*\bbut\b[^.;]*\bnever (?:met|meet)\b"
)
