; Uninstall asks whether to keep the monitoring data (the database, settings and keys), because
; an ISP reinstalling or upgrading Vigia usually wants its history back.
!macro customUnInstall
  MessageBox MB_YESNO|MB_ICONQUESTION "Manter os dados do Vigia (banco de dados, configurações e histórico)?$\r$\nKeep Vigia's data (database, settings and history)?" /SD IDYES IDYES keepData
    SetShellVarContext current
    RMDir /r "$APPDATA\Vigia"
  keepData:
!macroend
