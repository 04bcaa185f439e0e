# bash completion for tillit(1): commands, options, curriculum and checklist
# ids, --lang values. Installed into bash-completion's completions folder.
# The ids are read from the content tillit would use (--content on the line,
# else $TILLIT_CONTENT, else the shipped content found as tillit finds it:
# the build tree, PREFIX/share next to the program, $XDG_DATA_DIRS).

# The content folder for the command line being completed.
_tillit_content_dir()
{
    local i
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        if [[ ${COMP_WORDS[i]} == --content ]]; then
            printf '%s\n' "${COMP_WORDS[i + 1]/#\~/$HOME}"
            return
        fi
    done
    if [[ -n ${TILLIT_CONTENT-} ]]; then
        printf '%s\n' "$TILLIT_CONTENT"
        return
    fi
    local prog dir candidates=() d
    prog=$(type -P "${COMP_WORDS[0]}" 2>/dev/null) && prog=$(readlink -f "$prog")
    if [[ -n $prog ]]; then
        dir=${prog%/*}
        candidates+=("$dir/tillit-source-tree" "$dir/../share/tillit")
    fi
    local IFS=:
    for d in ${XDG_DATA_DIRS:-/usr/local/share:/usr/share}; do
        candidates+=("$d/tillit")
    done
    for d in "${candidates[@]}"; do
        if [[ -d $d/curricula ]]; then
            printf '%s\n' "$d"
            return
        fi
    done
}

# The ids of the content files of one kind (curricula or checklists).
_tillit_ids()
{
    local dir f
    dir=$(_tillit_content_dir)
    [[ -n $dir ]] || return
    for f in "$dir/$1"/*.yaml; do
        [[ -f $f ]] && sed -n "s/^id:[[:space:]]*['\"]\{0,1\}\([a-z0-9_-]*\).*/\1/p" "$f" | head -n 1
    done
}

_tillit()
{
    local cur prev words cword
    _init_completion || return

    case $prev in
    --lang)
        COMPREPLY=($(compgen -W 'sv en' -- "$cur"))
        return
        ;;
    --db | -o)
        _filedir
        return
        ;;
    --content)
        _filedir -d
        return
        ;;
    --curriculum)
        COMPREPLY=($(compgen -W '$(_tillit_ids curricula)' -- "$cur"))
        return
        ;;
    --from | --to | --organisation | --as-of | --user | --kind)
        return
        ;;
    esac

    local global='--db --content --lang --help --version'
    local i command=
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        --db | --content | --lang) ((i++)) ;;
        -*) ;;
        *)
            command=${words[i]}
            break
            ;;
        esac
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$global --plain" -- "$cur"))
        else
            COMPREPLY=($(compgen -W 'train study check export merge stats validate retention purge forget extract log' -- "$cur"))
        fi
        return
    fi

    local report='--from --to --curriculum --organisation'
    if [[ $cur == -* ]]; then
        case $command in
        export) COMPREPLY=($(compgen -W "$global $report --with-names -o" -- "$cur")) ;;
        stats) COMPREPLY=($(compgen -W "$global $report" -- "$cur")) ;;
        merge) COMPREPLY=($(compgen -W "$global --with-names -o" -- "$cur")) ;;
        validate) COMPREPLY=($(compgen -W "$global --strict --as-of" -- "$cur")) ;;
        purge) COMPREPLY=($(compgen -W "$global --dry-run --vacuum --yes" -- "$cur")) ;;
        forget) COMPREPLY=($(compgen -W "$global --organisation --delete --yes" -- "$cur")) ;;
        extract) COMPREPLY=($(compgen -W "$global --organisation -o" -- "$cur")) ;;
        log) COMPREPLY=($(compgen -W "$global --from --to --user --kind" -- "$cur")) ;;
        train | study | check) COMPREPLY=($(compgen -W "$global --plain" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "$global" -- "$cur")) ;;
        esac
        return
    fi
    case $command in
    train | study)
        COMPREPLY=($(compgen -W '$(_tillit_ids curricula)' -- "$cur"))
        ;;
    check)
        COMPREPLY=($(compgen -W '$(_tillit_ids checklists)' -- "$cur"))
        ;;
    merge)
        _filedir xml
        ;;
    validate)
        _filedir '@(yaml|yml)'
        ;;
    retention)
        [[ $prev == retention ]] && COMPREPLY=($(compgen -W 'checklist-runs training access-log' -- "$cur"))
        ;;
    esac
} &&
    complete -F _tillit tillit
