"""Train the small spaCy NER (PERSON, ADDRESS) of ``scrubber.ner``, on generated data.

The engine does not use the model and none ships (the ablation, ``bench/ner_ablation.py``, and the
decision are in ``scrubber.ner``'s docstring). One command per language, from the project root (two
epochs in the 16-minute budget on two busy cores; both languages at once took 25 minutes):

    .venv/bin/python -m training.ner --lang nl --out var/ner/nl
    .venv/bin/python -m training.ner --lang en --out var/ner/en

- ``values``: names and addresses of many origins (Faker locales, deduce's Dutch lists, a few
  hand-written lists), in the forms people write them;
- ``templates_nl``/``templates_en``: support-message fragments with slots, and hard negatives (``BODY_NEGATIVE``,
  ``ORG_SIGNATURES``: companies, products, "Team X", places without a street; a fifth of sentences and
  signatures, ``compose.P_NEGATIVE``);
- ``compose``: whole messages (e-mail, chat, web form, quoted replies) with casing and typo noise;
- ``shapes``: the TUNE part of the dev corpora with every PERSON and ADDRESS value swapped for a
  generated one (the TEST part is never read; a fifth of the tune records is held out for monitoring);
- ``train``: the tok2vec + ner pipeline, the training loop and the saved model.
"""
