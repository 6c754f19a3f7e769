"""Configuration, the CLI and ``serve``: the only place that wires every concrete class together."""
