"""Answer options that several flows share."""

from conversations.models import END, Option, words

SCALE_OPTIONS = (
    Option(value="awful", label=words("😢 Really bad")),
    Option(value="bad", label=words("🙁 Not good")),
    Option(value="ok", label=words("😐 OK")),
    Option(value="good", label=words("🙂 Good")),
    Option(value="great", label=words("😄 Really good")),
)

ALWAYS_SOMETIMES_NO = (
    Option(value="yes", label=words("Yes, always")),
    Option(value="sometimes", label=words("Sometimes")),
    Option(value="no", label=words("No")),
)

HEAR_BACK_OPTIONS = (
    Option(value="yes", label=words("Yes please"), next="contact_ok"),
    Option(value="no", label=words("No thanks"), next=END),
)

CONTACT_OPTIONS = (
    Option(value="yes", label=words("Yes, that's OK")),
    Option(value="no", label=words("No thanks")),
)
