"""The Qt layer: the wizard, its pages and widgets. No network here: requests go
through :class:`~mirecovery_gui.gui.worker.RequestRunner` to the client."""
