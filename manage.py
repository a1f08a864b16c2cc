#!/usr/bin/env python
"""Same as the `concord` console script, for those who expect manage.py."""

from concord.cli import main

if __name__ == "__main__":
    main()
