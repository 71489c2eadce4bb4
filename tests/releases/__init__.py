"""Press releases: the model, workflow, history, back office, media, clock, importer."""
