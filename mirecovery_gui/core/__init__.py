"""Pure rules of the product: no Qt, no network.

Everything here can be imported by the command line, the client, the training
service and the GUI alike, and is tested without a QApplication.
"""
