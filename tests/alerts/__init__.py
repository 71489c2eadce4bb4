"""Email alerts: subscriptions, dispatch, workers."""
