"""The recovery session: what one recovery (or support request) knows, decides and records. No Qt.

:class:`~mirecovery_gui.recovery.session.RecoverySession` owns the flow state,
the step shown, the resend and cooldown times, the way forward after every
answer and every error, and the case being recorded. The window only shows
the session and forwards what the user did; each action returns the client
call to run (on a worker), and the session applies its result or error.
"""
