"""Training of the learned credential scorer (issue 16): ``train.py`` writes ``scrubber/data/credential_model.json``."""
