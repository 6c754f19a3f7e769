"""``python -m training.ner --lang nl --out scrubber/ner/models/nl``: see ``training.ner.train``."""

import sys

from training.ner.train import main

sys.exit(main())
