; Uninstall asks whether to keep the monitoring data (the database, settings and keys), because
; an ISP reinstalling Vigia usually wants its history back. An update also runs the old
; uninstaller: it must never ask then, or one wrong click would wipe the history.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    MessageBox MB_YESNO|MB_ICONQUESTION "Manter os dados do Vigia (banco de dados, configurações e histórico)?$\r$\nKeep Vigia's data (database, settings and history)?$\r$\n$\r$\nSim/Yes: manter / keep$\r$\nNão/No: remover / remove" /SD IDYES IDYES vigiaKeepData
      ; The data lives in the roaming profile of the user who ran Vigia, not in ProgramData.
      SetShellVarContext current
      RMDir /r "$APPDATA\Vigia"
      SetShellVarContext all
    vigiaKeepData:
  ${endIf}
!macroend
