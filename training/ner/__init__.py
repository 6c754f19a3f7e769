"""Train the small spaCy NER (PERSON, ADDRESS) of ``scrubber.ner``, on generated data.

The engine does not use the model and none ships: the ablation (``bench/ner_ablation.py``, numbers in
``scrubber.ner``'s docstring) found no recall gain on our tune part, a precision and keep-rate loss and
3-8 times the time per message. One command per language, from the project root (about 10 minutes
each on two busy cores):

    .venv/bin/python -m training.ner --lang nl --out scrubber/ner/models/nl
    .venv/bin/python -m training.ner --lang en --out scrubber/ner/models/en

- ``values``: names and addresses of many origins (Faker locales, deduce's Dutch lists, a few
  hand-written lists), in the forms people write them;
- ``templates_nl``/``templates_en``: support-message fragments with slots;
- ``compose``: whole messages (e-mail, chat, web form, quoted replies) with casing and typo noise;
- ``shapes``: the TUNE part of the dev corpora with every PERSON and ADDRESS value swapped for a
  generated one (the TEST part is never read; a fifth of the tune records is held out for monitoring);
- ``train``: the tok2vec + ner pipeline, the training loop and the saved model.
"""
