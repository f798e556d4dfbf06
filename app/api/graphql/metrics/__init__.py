"""GraphQL of the metrics: reports, the KPI catalogue, the top lists and an ambassador's impact."""
