"""PyTorch reference implementations of the docs/file-formats.md architectures (development tool).

    import sys; sys.path.insert(0, "tools")
    from reference import models
"""
