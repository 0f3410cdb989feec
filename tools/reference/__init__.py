"""PyTorch reference implementations of the MODEL_FORMAT.md architectures (development tool).

    import sys; sys.path.insert(0, "tools")
    from reference import models
"""
