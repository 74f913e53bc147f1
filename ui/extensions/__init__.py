"""The extension requests (申请延期) page."""
