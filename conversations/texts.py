"""Everything the bot says outside the flows' own questions, worded per audience.

Young-person wording must read easily for a 9-year-old; the readability test
checks every text here that a young person can see.
"""

from conversations.models import words

GREETING = words(
    "Hi! 👋 I'm the feedback bot. I want to hear what it is like to get help from us. "
    "Who is talking to me?"
)
# The web chat page's own words (bot/web_chat/page/), sent to the page in the reader's language.
WEB_TITLE = words("Tell us how it is going")
WEB_INTRO = words("You don't need to give your name. Press Quick exit to leave this page at once.")
WEB_QUICK_EXIT = words("Quick exit")
WEB_TYPE_HERE = words("Type your answer")
WEB_SEND = words("Send")
WEB_READ_ALOUD = words("🔊 Read it to me")
WEB_OFFLINE = words(
    "We can't reach the chat right now. Your words are still in the box. Try again in a minute."
)
WEB_NOT_SENT = words("That did not send. Your words are still in the box. Try again.")
WEB_TOO_FAST = words("Slow down a little, then send it again.")
WEB_TOO_LONG = words("That is a lot at once! Please send it in two parts.")
WEB_EMPTY = words("Type something first, then send it.")
WEB_CLOSED = words("This chat has closed. Please load the page again.")
WEB_OLD_BUTTON = words("That button is old. Please use the newest one.")
WEB_WRONG_PLACE = words("This page can only be used from the feedback chat itself.")
NEWS_INVITATION = words(
    "Hi! This month we are asking everyone who helps us get better: how is our help going? "
    "Tap Tell us now, or type /start. It only takes a few minutes."
)
NEWS_YOU_SAID = words("💬 You said: {you_said}\n✅ We did: {we_did}\n\nThank you for telling us.")
LANGUAGE_QUESTION = words("Which language do you want me to use?")
LANGUAGE_CHOSEN = words("OK! I will use {language} now.")
LANGUAGE_START = words("Type /start to tell us how our help is going.")
UNDER_16_WEB_CHAT = words("Under 16? You can talk to us on our website instead: {url}")
WHO_YOUNG_PERSON = words("I'm a young person")
WHO_PARENT = words("I'm a parent or carer")
WHO_PRACTITIONER = words("I work here")

HELP_NOW = words(
    "I am a chat bot. I ask how our help is going for you. "
    "If you are in danger now, call 999. "
    "You can call Childline on 0800 1111. It is free, any time.",
    parent_carer=(
        "This bot collects feedback about the help families get from us. "
        "If anyone is in danger now, call 999. Children can call Childline on 0800 1111, "
        "and adults worried about a child can call the NSPCC on 0808 800 5000."
    ),
    practitioner=(
        "This bot collects feedback and practitioner reflections for practice reviews. "
        "In an emergency call 999. Childline: 0800 1111. NSPCC helpline: 0808 800 5000."
    ),
)
HELP_COMMANDS = words(
    "You can type /cancel to stop.",
    parent_carer="Type /cancel to stop, or /start to begin again.",
    practitioner="Type /cancel to stop, or /start to begin again.",
)

# A voice note or photo may hold a disclosure nobody can screen, so this points to help.
ONLY_WORDS = words(
    "Sorry, I can only read typed words and buttons for now. "
    "If you need help now, type help. Here is the question again.",
)
EMPTY_ANSWER = words(
    "I didn't get any words there. Can you try again?",
    parent_carer="That message was empty. Please type your answer, or tap Skip.",
)
TOO_LONG = words(
    "That is a bit too long for me. Please keep it under {limit} letters. Yours has {length}.",
    parent_carer="That is longer than I can take: please keep it under {limit} characters "
    "(yours has {length}). Nothing has been saved yet.",
    practitioner="That is longer than I can take: please keep it under {limit} characters "
    "(yours has {length}). Nothing has been saved yet.",
)
TAP_A_BUTTON = words(
    "Please tap one of the buttons under the question.",
)
# A typed reply that could mean more than one button.
WHICH_ONE = words(
    "Do you mean {options}? Tap the one you mean.",
)
# "What does that mean?" at a question that has no explanation of its own.
EXPLAIN_QUESTION = words(
    "It is asking what you think. There is no wrong answer. Tap the one that fits best, "
    "or tap Skip.",
    parent_carer="There is no wrong answer: tap the one that fits best, or tap Skip.",
    practitioner="Tap the one that fits best, or Skip.",
)
# "Will my mum find out?", "is this confidential?": who sees what they say.
WHO_SEES = words(
    "We don't ask your name. We won't tell your family what you said. Our reports may use "
    "your words, with names taken out. If someone is hurting you, we must tell a person who "
    "can help. /privacy tells you more.",
    parent_carer="Your answers are not linked to your name. Reports show totals and quotes "
    "with names and details removed. If you tell us a child is at risk, we must pass that "
    "on. Type /privacy for more.",
    practitioner="Reports never name you: they show quotes with names and details removed "
    "and no total smaller than five. If what you write shows a child at risk, we must pass "
    "that on. Type /privacy for more.",
)
# When someone types a sentence where a button is wanted, and a question for their own
# words is still to come.
TAP_THEN_WRITE_LATER = words(
    "Please tap one of the buttons under the question. "
    "You can tell us more in your own words later on.",
)
TICKED = words(
    "✅ I ticked {label}. Pick more, or tap Done.",
    parent_carer="✅ Ticked: {label}. Pick any others, then tap Done.",
    practitioner="✅ Ticked: {label}. Pick any others, then tap Done.",
)
UNTICKED = words(
    "▫️ I took the tick off {label}. Pick more, or tap Done.",
    parent_carer="▫️ Unticked: {label}. Pick any others, then tap Done.",
    practitioner="▫️ Unticked: {label}. Pick any others, then tap Done.",
)
OLD_BUTTON = words(
    "That button is from an earlier question. Here is the question we are on now.",
)
OLD_BUTTON_NO_CHAT = words(
    "That button is from an earlier chat. Type /start to begin.",
)
FRESH_START = words(
    "It has been a while since we last talked, so we will start again.",
)
STILL_GOING = words(
    "We are part way through. Here is where we got to.",
)
HELLO_AGAIN = words(
    "Hi! 👋 We are part way through. Here is where we got to.",
)
UNKNOWN_COMMAND = words(
    "I don't know that command. Here is the question again.",
)
# Words sent after a feedback chat has ended (see later_words.py).
LATER_WORDS_OFFER = words(
    "Thanks! 😊 Do you want to add this to what you told us?",
    parent_carer="Thank you. Would you like us to add this to your feedback?",
)
LATER_WORDS_ADD = words("Yes, add it")
LATER_WORDS_DROP = words("No thanks")
LATER_WORDS_ADDED = words(
    "Thank you! We have added it. 💛",
    parent_carer="Thank you. We have added it to your feedback.",
)
LATER_WORDS_DROPPED = words(
    "OK. We have not kept it.",
    parent_carer="OK, we have not kept it.",
)
YOU_ARE_WELCOME = words(
    "You're welcome! 😊 Type /start any time to tell us more.",
)
NOTHING_TO_ANSWER = words(
    "Hi! Type /start to tell us how our help is going, or /help if you need help now.",
)
CANCEL_QUESTION = words(
    "Do you want to stop? You can keep what you told us so far, or delete it.",
    practitioner="Stop this reflection? You can keep it as a draft to finish later, or delete it.",
)
CANCEL_KEEP = words("Stop and keep it", practitioner="Keep it as a draft")
CANCEL_DELETE = words("Stop and delete it", practitioner="Delete it")
CANCEL_CONTINUE = words("Carry on")
# /cancel at a question outside the flows (setting up, /action, "are you sure?").
STOPPED = words("OK, stopped.")
CANCELLED_KEPT = words(
    "OK, we stopped. We kept what you told us. Thank you! Type /start to do it again.",
    practitioner="Saved as a draft. /drafts carries on with it whenever you are ready.",
)
CANCELLED_DELETED = words(
    "OK, we stopped and deleted what you told us. Type /start if you want to try again.",
    practitioner="Deleted. /reflect starts a new reflection.",
)
NOT_NOW = words(
    "That's OK. You can come back at any time. Just type /start.",
)
GROUP_REFUSAL = words(
    "I only collect feedback in a private chat. Please message me directly. "
    "Nothing from this group has been saved.",
)
SAVE_FAILED = words(
    "Sorry, I could not save that just now. Please send it again.",
)
SAVE_FAILED_TRY_AGAIN = words(
    "Sorry, I could not save that just now. Please try again.",
)
SOMETHING_WENT_WRONG = words(
    "Sorry, something went wrong on our side. Please try again.",
)
LINK_NOT_FOUND = words(
    "That link didn't work, but you can still tell us how things are going.",
)
EDIT_SAVED = words(
    "Got it. I changed your answer. ✏️",
    parent_carer="Thanks, I've changed your answer to your edited words.",
    practitioner="Updated: your answer now has your edited words.",
)
EDIT_NOT_USED = words(
    "Sorry, I can't use changes to that message. You can send a new message instead.",
    practitioner="Changes to that message can't be used. To change an answer, use ⬅️ Back, "
    "or Edit on the review before you submit.",
)
STAFF_ONLY = words(
    "This part is for staff with an invite. Ask your manager for an invite link.",
)
SKIP = words("Skip ➡️")
BACK = words("⬅️ Back")
DONE = words("Done ✅")
SKIPPED_MARK = words("(skipped)")

# Safeguarding: what a person sees when they tell us something worrying.
DISCLOSURE_THANKS = words(
    "Thank you for telling me. You did the right thing. We can't keep this a secret. "
    "We will tell a person who can help you.",
    parent_carer="Thank you for telling us. We can't keep this to ourselves: we are passing it "
    "to a person who can help, straight away.",
    practitioner="Thank you. This has been passed to the safeguarding contacts now.",
)
DISCLOSURE_HELP_NOW = words(
    "If you are in danger now, call 999. You can call Childline on 0800 1111. "
    "It is free, any time. Do you want to keep going, or stop for now?",
    parent_carer="If anyone is in danger now, call 999. Childline (under 19s): 0800 1111. "
    "NSPCC helpline for adults: 0808 800 5000. Would you like to carry on, or stop for now?",
    practitioner="If anyone is in danger now, call 999. NSPCC helpline: 0808 800 5000. "
    "Carry on, or stop for now?",
)
# After words a person should look at today, but that are not clearly a disclosure.
GENTLE_HELP = words(
    "Thank you. If you ever need help, type /help.",
    parent_carer="Thank you. If you or a child ever need help, type /help.",
)
KEEP_GOING = words("Keep going")
STOP_FOR_NOW = words("Stop for now")
PAUSED = words(
    "OK, we will stop here. What you told us is saved. Type /start when you want to carry on.",
)
TALK_TO_A_PERSON = words("Talk to a person")
PERSON_ASKED = words(
    "OK. We have asked a person to message you here. If you are in danger now, call 999.",
)
UNSAFE_AT_HOME = words(
    "Thank you for telling us. We will ask a person who can help to check on you. "
    "If you are in danger now, call 999.",
)
PASSED_ON = words("Thank you. I have passed that on to the person helping you.")
# After a disclosure: what happens now, and that what they write next is read by a person.
WHAT_HAPPENS_NEXT = words(
    "A person from our team will read it soon. They may write to you here. "
    "If you write more now, it goes to them too.",
    parent_carer="A person from our team will read it soon, and may message you here. "
    "Anything you write now goes to them too.",
)
WHEN_READY = words(
    "When you want to go back to the questions, tap Keep going.",
    parent_carer="When you are ready to go back to the questions, tap Keep going.",
)
MESSAGE_FROM_TEAM = words(
    "💬 A person from our team says:\n\n{message}\n\nYou can answer here.",
)
STAFF_ONLY_COMMAND = words("Sorry, this is for staff.")

# People's rights over their data.
PRIVACY_WHAT = words(
    "What we keep: your answers to our questions. We don't ask your name. "
    "We keep your answers for about a year. Then we delete them.",
    parent_carer="What we keep: your answers, linked to a code instead of your name or Telegram "
    "account. Answers are deleted after the retention period (about a year).",
    practitioner="What we keep: your role here, the name and team you gave us, and your "
    "reflections, linked to a code instead of your Telegram account. Reflections are deleted "
    "after the retention period (about a year).",
)
PRIVACY_WEB_CHAT = words(
    "In this web chat, a cookie keeps your place. It is only a random number, not your name. "
    "Press Quick exit to leave at once.",
    parent_carer="In this web chat, a cookie keeps your place: it holds only a random number, "
    "never your name. What this page shows is deleted after two weeks without a visit.",
)
PRIVACY_WHY = words(
    "Why: we read what you say to make our help better. Our reports show totals, and some "
    "of the words people wrote. We take out names first, so no one knows who said it.",
    parent_carer="Why: to improve our services. Reports only show totals and quotes with names "
    "and details removed, and no total smaller than five.",
    practitioner="Why: your name and team are only for your own copies and reminders. "
    "Reflections feed the collaborative practice reviews; reports never name you, and show "
    "quotes with names and details removed and no total smaller than five.",
)
PRIVACY_CHOICES = words(
    "Your choices: type /mydata to see what you told us. Type /forget to delete it. "
    "If you tell us you are in danger, we must tell a person who can help.",
    parent_carer="Your rights: /mydata sends you everything we hold about you, and /forget "
    "deletes it. If you tell us a child is at risk, we must pass that on.",
    practitioner="Your rights: /mydata sends you everything we hold about you, and /forget "
    "deletes it, your role here included. If what you write shows a child at risk, we must "
    "pass that on.",
)
MYDATA_SENT = words("Here is everything we have from you.")
MYDATA_NOTHING = words("We don't have anything from you.")
MYDATA_RESPONSE = words("Your answers from {date}")
MYDATA_UNFINISHED = words("Not finished yet.")
NO_MORE_NEWS = words("No more messages")
TELL_US_NOW = words("✏️ Tell us now")
NEWS_OFF = words(
    "OK. We won't send you any more news. "
    "You can still type /start to tell us how things are going.",
)
MYDATA_HEAR_BACK = words("You said we can tell you what we change, here in this chat.")
MYDATA_STAFF = words("Your role here: {roles}. Your name here: {name}. Your team: {team}.")
MYDATA_ROLES = words("Your role here: {roles}.")
MYDATA_FILE = words("The same, as a file:")
# Said, never shown: the words may be read by someone else who picks up the phone.
MYDATA_HELD_WORDS = words("(Kept with what you told us about being unsafe.)")
MYDATA_SAFEGUARDING = words(
    "We also keep what you told us about being unsafe. The law says we must. "
    "Only the people whose job is to keep children safe can read it.",
    parent_carer="We also keep a record of what you told us about a child being unsafe, as "
    "the law requires. Only our safeguarding staff can read it.",
    practitioner="We also keep a record of what you wrote that showed a child at risk, as "
    "the law requires. Only our safeguarding staff can read it.",
)
FORGET_QUESTION = words(
    "Do you want us to delete everything you told us? We can't undo this.",
)
FORGET_YES = words("Yes, delete it")
FORGOTTEN_STAFF_AUDIT = words(
    "What you did as staff stays in the audit log, under a code, not your name. The law "
    "says we must keep it, as we keep safeguarding records."
)
FORGET_NO = words("No, keep it")
FORGOTTEN = words(
    "Done. We deleted your answers and your choices. Totals already in our reports stay, "
    "but they don't show who you are.",
)
FORGOTTEN_SAFEGUARDING = words(
    "We must keep what you told us about being unsafe. The law says so, to keep children safe.",
)
FORGET_KEPT = words("OK, we kept it all.")

# The command menu's descriptions, in each reader's language (Telegram shows the list for
# the language their app is set to). Short: Telegram allows 256 characters.
MENU_START = words("Tell us how our help is going")
MENU_HELP = words("Get help now")
MENU_CANCEL = words("Stop")
MENU_PRIVACY = words("What happens to what you tell us")
MENU_MYDATA = words("See what you told us")
MENU_FORGET = words("Delete what you told us")
