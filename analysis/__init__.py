"""Pure analysis modules: no Telegram, no SQL. Plain data in, plain data out."""
