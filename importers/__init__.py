"""Every file format in and out: policy documents, Excel ledgers.

Importers turn files into plain data (dataclasses) and back.  They know
nothing of Qt, of the database or of sessions.
"""
