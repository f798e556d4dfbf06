"""The metric resource: one definition per KPI, the periods and groupings they are read over."""
