"""考核 in the window: the scores page, the scoring rules, the office's remarks."""
