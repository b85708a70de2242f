"""The MCP server for AI assistants: tools estimate, size, compare and catalog over the same
engine, input models and output models as the API; served at /mcp (streamable HTTP) when
CALC_MCP_ENABLED is true, and over stdio by ``dockerk8s-cost mcp``."""
