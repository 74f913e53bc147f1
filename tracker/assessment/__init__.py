"""考核: scoring rules the office sets, and each round's scores, explained line by line."""
