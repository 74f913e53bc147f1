"""Extension requests (申请延期): a unit asks for a later deadline, the office decides."""
