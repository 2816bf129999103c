"""`python -m bemanna ...` runs the command line."""

from bemanna.cli import main

main()
