"""The programme's life: training, surveys, incidents, recall, community space, recruiting."""
