"""Input stage: find the files to lint and read them into decoded `Source` objects."""
