"""GraphQL side of live updates: subscriptions over graphql-transport-ws, and the socket they run on."""
