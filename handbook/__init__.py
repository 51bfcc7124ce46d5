"""The SOP handbook's domain core: plain Python, no MkDocs.

The site's hooks and macros and the `handbook` command line all adapt this
package; each rule lives here once.
"""

__version__ = "0.1.0"
