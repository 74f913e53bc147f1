"""``tracker-cli``: the services without a window. A command imports what it needs when it runs."""
