"""The notification inbox: what each member is told, their devices and their preferences."""
