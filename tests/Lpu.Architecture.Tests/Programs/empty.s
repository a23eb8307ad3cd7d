; nothing at all
