"""Email alerts: journalists subscribe by institution, topic and language, and receive each
release the minute it is public (accredited journalists who opt in: also under embargo)."""
