""""Wis alles op deze computer": one place that removes this visit's self-check answers and
request details together (a school computer is shared), after asking once."""
